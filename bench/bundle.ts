/**
 * Initial JavaScript of the production build beside a bare reference app with the same stack
 * (`bench/reference/`), both built with Vite in the same run: what the first screen and the
 * helpdesk search screen load, against the 1.10× budget.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
/** The first screen and the search screen may load at most this much of the bare stack. */
export const BUDGET = 1.1;

interface ManifestChunk {
  file: string;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface Size {
  files: number;
  raw: number;
  gzip: number;
}

/** Chunks the app loads lazily, by the source file that starts them, for the "later" line. */
export const APP_ENTRIES = {
  firstScreen: ['index.html'],
  search: ['index.html', 'src/features/helpdesk/user-search.tsx'],
  userPage: 'src/features/helpdesk/user-page.tsx',
  pilot: 'src/features/pilot/pilot-page.tsx',
  audit: 'src/features/audit/audit-page.tsx',
} as const;

async function readManifest(outDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/** The production build exactly as `npm run build` makes it (source maps too), plus a manifest. */
export async function buildApp(outDir: string): Promise<Manifest> {
  await build({
    // The same config loader as `npm run build`; only errors, so the tables stay readable.
    configLoader: 'runner',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  return readManifest(outDir);
}

/** The bare stack, with the app's plugins, target and source maps. */
export async function buildReference(outDir: string): Promise<Manifest> {
  await build({
    configFile: false,
    root: join(BENCH_DIR, 'reference'),
    publicDir: false,
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, manifest: true, target: 'es2022', sourcemap: true },
  });
  return readManifest(outDir);
}

/** The manifest keys of the given chunks and of every chunk they import statically. */
export function staticClosure(manifest: Manifest, keys: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    if (!manifest[key]) throw new Error(`bench: no chunk for ${key} in the build manifest`);
    seen.add(key);
    for (const child of manifest[key].imports ?? []) visit(child);
  };
  for (const key of keys) visit(key);
  return seen;
}

/** Raw and gzip (level 9) bytes of the JavaScript files of the given chunks. */
export async function sizeOf(outDir: string, manifest: Manifest, keys: Iterable<string>) {
  const size: Size = { files: 0, raw: 0, gzip: 0 };
  for (const key of keys) {
    const file = manifest[key]?.file;
    if (!file?.endsWith('.js')) continue;
    const bytes = await readFile(resolve(outDir, file));
    size.files++;
    size.raw += bytes.length;
    size.gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return size;
}

export interface BundleFigures {
  bare: Size;
  firstScreen: Size;
  search: Size;
  /** What each lazy page adds beyond the search screen. */
  later: { userPage: Size; pilot: Size; audit: Size };
}

export async function bundleFigures(appDir: string, referenceDir: string): Promise<BundleFigures> {
  const [app, reference] = [await buildApp(appDir), await buildReference(referenceDir)];
  const search = staticClosure(app, APP_ENTRIES.search);
  const beyondSearch = (key: string) =>
    [...staticClosure(app, [key])].filter((chunk) => !search.has(chunk));
  return {
    bare: await sizeOf(referenceDir, reference, staticClosure(reference, ['index.html'])),
    firstScreen: await sizeOf(appDir, app, staticClosure(app, APP_ENTRIES.firstScreen)),
    search: await sizeOf(appDir, app, search),
    later: {
      userPage: await sizeOf(appDir, app, beyondSearch(APP_ENTRIES.userPage)),
      pilot: await sizeOf(appDir, app, beyondSearch(APP_ENTRIES.pilot)),
      audit: await sizeOf(appDir, app, beyondSearch(APP_ENTRIES.audit)),
    },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The bundle table, as Markdown, and a line on what loads later. */
export function bundleTable(figures: BundleFigures): string[] {
  const rows: [string, Size][] = [
    ['Bare stack (bench/reference)', figures.bare],
    ['TAP Desk first screen (sign-in)', figures.firstScreen],
    ['TAP Desk search screen (signed in)', figures.search],
  ];
  const table = rows.map(([name, size], index) => {
    const raw = size.raw / figures.bare.raw;
    const gzip = size.gzip / figures.bare.gzip;
    return [
      name,
      String(size.files),
      kb(size.raw),
      kb(size.gzip),
      `${raw.toFixed(2)}×`,
      `${gzip.toFixed(2)}×`,
      index === 0 ? '' : Math.max(raw, gzip) <= BUDGET ? 'yes' : 'NO',
    ];
  });
  const header = [
    'Initial JavaScript',
    'Files',
    'Raw',
    'Gzip',
    'Raw / bare',
    'Gzip / bare',
    `Within ${BUDGET.toFixed(2)}×`,
  ];
  const { userPage, pilot, audit } = figures.later;
  return [
    ...markdownTable(header, table, [false, true, true, true, true, true, false]),
    '',
    `Loaded only on their own page, beyond the search screen (gzip): the helpdesk user page ${kb(userPage.gzip)}, pilot ${kb(pilot.gzip)}, audit ${kb(audit.gzip)}.`,
    'Initial JavaScript is the entry chunk and every chunk it imports statically (for the search screen, with the helpdesk route chunk); gzip at level 9; KB = 1,024 bytes.',
  ];
}

/** A Markdown table with padded columns; `right` aligns a column to the right. */
export function markdownTable(header: string[], rows: string[][], right: boolean[] = []): string[] {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const pad = (cell: string, i: number) =>
    right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
  const line = (cells: string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)];
}
