/** The audit section's addresses; the app mounts the section at `root` (src/app/sections.tsx). */
export const auditPaths = { root: '/audit' } as const;
