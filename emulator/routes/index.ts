import { GraphRouter } from '../graph/router';
import { registerAuditLogRoutes } from './audit-logs';
import { registerAuthenticationMethodRoutes } from './authentication-methods';
import { registerDirectoryRoleRoutes } from './directory-roles';
import { registerListRoutes } from './lists';
import { registerMemberOfRoutes } from './member-of';
import { registerPolicyRoutes } from './policies';
import { registerUserRoutes } from './users';

/** Every Graph route module; adding one is an import and a line here. */
export function createGraphRouter(): GraphRouter {
  const router = new GraphRouter();
  registerUserRoutes(router);
  registerMemberOfRoutes(router);
  registerAuthenticationMethodRoutes(router);
  registerPolicyRoutes(router);
  registerAuditLogRoutes(router);
  registerListRoutes(router);
  registerDirectoryRoleRoutes(router);
  return router;
}
