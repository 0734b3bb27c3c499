/** A Graph error answer; route handlers throw it and the pipeline serialises it. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const insufficientPrivileges = (code = 'Authorization_RequestDenied') =>
  new GraphError(403, code, 'Insufficient privileges to complete the operation.');

export const unsupportedQuery = (message = 'Unsupported Query.') =>
  new GraphError(400, 'Request_UnsupportedQuery', message);

export const resourceNotFound = (id: string) =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );

/** Graph's wording when a query needs advanced mode (ConsistencyLevel: eventual + $count=true). */
export const needsAdvancedQuery = (operator: string) =>
  unsupportedQuery(
    `Operator '${operator}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
  );
