import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { GraphPage, GraphRequest } from './client';
import { odataString } from './odata';

export type UserRegistrationDetails = MicrosoftGraph.UserRegistrationDetails;

/** methodsRegistered values that matter to a passwordless rollout (graph.md §4). */
export const REGISTERED_METHODS = {
  authenticatorPush: 'microsoftAuthenticatorPush',
  authenticatorPasswordless: 'microsoftAuthenticatorPasswordless',
} as const;

/** $filter for report rows that list `method` among methodsRegistered. */
export function registeredMethodFilter(method: string): string {
  return `methodsRegistered/any(m:m eq ${odataString(method)})`;
}

/**
 * The first request for the registration details report. Page size is undocumented, so ask for
 * a large page and follow @odata.nextLink whatever size comes back; only $filter and $orderby
 * are documented, so no $select. The report lags the live methods by hours and needs Entra ID
 * P1/P2 and a reports role.
 */
export function registrationDetailsRequest(filter?: string, signal?: AbortSignal): GraphRequest {
  return {
    path: '/reports/authenticationMethods/userRegistrationDetails',
    query: { $filter: filter, $top: 999 },
    signal,
  };
}

export type RegistrationDetailsPage = GraphPage<UserRegistrationDetails>;
