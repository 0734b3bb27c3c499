// A worker's entry: Node gives a worker none of tsx's loader, so the TypeScript is imported
// through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./site-thread.ts', import.meta.url);
