/** Every route the app has, typed, so links never drift from the router. */
export const paths = {
  home: '/',
  helpdesk: '/helpdesk',
  helpdeskUser: (userId: string) => `/helpdesk/users/${encodeURIComponent(userId)}`,
  pilot: '/pilot',
  audit: '/audit',
  readiness: '/readiness',
} as const;
