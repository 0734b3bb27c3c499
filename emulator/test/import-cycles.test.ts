import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'emulator/test/fixtures/import-cycle';

/** The repository's own lint configuration, run over a fixture it otherwise ignores. */
describe('lint: import-x/no-cycle', () => {
  it('fails on a two-file import circle, and only in the files that form it', async () => {
    const eslint = new ESLint({ cwd: root, ignore: false });
    const results = await eslint.lintFiles([`${FIXTURE}/*.ts`]);
    const cycles = Object.fromEntries(
      results.map((r) => [
        r.filePath.slice(r.filePath.lastIndexOf('/') + 1),
        r.messages.filter((m) => m.ruleId === 'import-x/no-cycle').map((m) => m.severity),
      ]),
    );
    expect(cycles).toEqual({ 'egg.ts': [2], 'hen.ts': [2], 'farmer.ts': [] });
  });
});
