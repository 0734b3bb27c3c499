/**
 * dist/ is published as it stands, so a default build must hold nothing that is not the site:
 * no source maps (they carry the whole source) and no config.json (the demo's, pointed at the
 * emulator: each deployment brings its own tenant's file, docs/configuration.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const outDirs: string[] = [];

/** Builds as `npm run build` does (without the typecheck) and lists what dist/ holds. */
function build(env: Record<string, string | undefined>): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'tapdesk-build-'));
  outDirs.push(dir);
  // As from a shell: without the test run's NODE_ENV (test), which would build React for development.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['SOURCEMAP', 'NODE_ENV'].includes(name)),
  );
  execFileSync(
    'npx',
    ['vite', 'build', '--configLoader', 'runner', '--outDir', dir, '--logLevel', 'error'],
    { cwd: root, env: { ...inherited, ...env }, stdio: 'pipe' },
  );
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) =>
    file.replaceAll('\\', '/'),
  );
  return { dir, files };
}

afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

describe('npm run build', { timeout: 120_000 }, () => {
  it('ships the site without source maps or a config.json', () => {
    const { dir, files } = build({});
    expect(files).toEqual(expect.arrayContaining(['index.html', 'redirect.html']));
    expect(files).toContain('staticwebapp.config.json');
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /(^|\/)config\.json$/.test(file))).toEqual([]);
    const scripts = files.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const pointing = scripts.filter((script) =>
      /^\/\/# sourceMappingURL=/m.test(readFileSync(join(dir, script), 'utf8')),
    );
    expect(pointing).toEqual([]);
  });

  it('writes source maps only when asked to (SOURCEMAP=1), still without config.json', () => {
    const { files } = build({ SOURCEMAP: '1' });
    expect(files.some((file) => file.endsWith('.js.map'))).toBe(true);
    expect(files.filter((file) => /(^|\/)config\.json$/.test(file))).toEqual([]);
  });
});
