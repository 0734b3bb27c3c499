import { GraphRouter } from '../graph/router';
import { registerMemberOfRoutes } from './member-of';
import { registerUserRoutes } from './users';

/** Every Graph route module; adding one is an import and a line here. */
export function createGraphRouter(): GraphRouter {
  const router = new GraphRouter();
  registerUserRoutes(router);
  registerMemberOfRoutes(router);
  return router;
}
