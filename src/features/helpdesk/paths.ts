/**
 * The helpdesk's addresses. The app mounts the section at `root` and routes its pages with
 * `helpdeskRoutes` (src/app/sections.tsx); every link to a helpdesk page is built here.
 */
const root = '/helpdesk';

export const helpdeskPaths = {
  root,
  user: (userId: string) => `${root}/users/${encodeURIComponent(userId)}`,
} as const;

/** Route patterns below `root`; the parameter names are what the pages read with useParams. */
export const helpdeskRoutes = {
  user: 'users/:userId',
} as const;
