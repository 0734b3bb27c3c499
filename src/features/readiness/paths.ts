/** The readiness section's addresses; the app mounts the section at `root` (src/app/sections.tsx). */
export const readinessPaths = { root: '/readiness' } as const;
