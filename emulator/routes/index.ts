import { reportsLimiterFor } from '../graph/reports-limit';
import { GraphRouter } from '../graph/router';
import { registerAuditLogRoutes } from './audit-logs';
import { registerAuthenticationMethodRoutes } from './authentication-methods';
import { registerBatchRoute } from './batch';
import { registerDirectoryRoleRoutes } from './directory-roles';
import { registerGroupRoutes } from './groups';
import { registerListRoutes } from './lists';
import { registerMemberOfRoutes } from './member-of';
import { registerPolicyRoutes } from './policies';
import { registerReportRoutes } from './reports';
import { registerUserRoutes } from './users';

/** Every Graph route module; adding one is an import and a line here. */
export function createGraphRouter(): GraphRouter {
  const router = new GraphRouter();
  registerUserRoutes(router);
  registerMemberOfRoutes(router);
  registerAuthenticationMethodRoutes(router);
  registerPolicyRoutes(router);
  registerAuditLogRoutes(router, reportsLimiterFor(router));
  registerListRoutes(router);
  registerDirectoryRoleRoutes(router);
  registerGroupRoutes(router);
  registerReportRoutes(router);
  registerBatchRoute(router);
  return router;
}
