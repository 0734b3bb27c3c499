import type { Catalog } from '../i18n/catalog';

/**
 * Every module's messages: each folder that shows text keeps a `messages.ts` beside its
 * components (split into `<topic>.messages.ts` files when one would pass 500 lines), and is
 * found here without being listed, so a new section cannot forget to register its text
 * (docs/decisions/0019-translated-interface.md).
 */
const modules = import.meta.glob<Catalog>(['../**/messages.ts', '../**/*.messages.ts'], {
  eager: true,
  import: 'messages',
});

export const CATALOGS: readonly Catalog[] = Object.keys(modules)
  .sort()
  .map((path) => modules[path]!);
