/** The pilot section's addresses; the app mounts the section at `root` (src/app/sections.tsx). */
export const pilotPaths = { root: '/pilot' } as const;
