import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import type { GraphPage, GraphRequest } from './client';
import { odataString } from './odata';

export type UserRegistrationDetails = MicrosoftGraph.UserRegistrationDetails;

/** methodsRegistered values that matter to a passwordless rollout (docs/graph-facts.md §4). */
export const REGISTERED_METHODS = {
  authenticatorPush: 'microsoftAuthenticatorPush',
  authenticatorPasswordless: 'microsoftAuthenticatorPasswordless',
  passkeyInAuthenticator: 'passKeyDeviceBoundAuthenticator',
} as const;

/** What a passwordless methodsRegistered value means for the rollout (decision 0011). */
export type PasswordlessKind =
  'passkeyInAuthenticator' | 'phoneSignIn' | 'otherPasskey' | 'windowsHello';

export interface RegisteredMethodDescription {
  value: string;
  label: string;
  /** False for a value TAP Desk does not know yet: it is shown as it came, never dropped. */
  known: boolean;
  passwordless: PasswordlessKind | null;
}

/**
 * Labels for the methodsRegistered values Microsoft documents. The v1.0 page gives only examples
 * (mobilePhone, email, fido2); the passkey values come from Microsoft's authentication-method
 * enumeration (decision 0011).
 */
const METHOD_LABELS: Record<string, [string, PasswordlessKind | null]> = {
  passKeyDeviceBoundAuthenticator: ['Passkey in Microsoft Authenticator', 'passkeyInAuthenticator'],
  microsoftAuthenticatorPasswordless: ['Authenticator phone sign-in', 'phoneSignIn'],
  passKeyDeviceBound: ['Device-bound passkey (security key)', 'otherPasskey'],
  passKeyDeviceBoundWindowsHello: ['Passkey in Windows Hello', 'windowsHello'],
  passKeySynced: ['Synced passkey', 'otherPasskey'],
  fido2: ['FIDO2 security key or passkey', 'otherPasskey'],
  fido2SecurityKey: ['FIDO2 security key', 'otherPasskey'],
  windowsHelloForBusiness: ['Windows Hello for Business', 'windowsHello'],
  macOsSecureEnclaveKey: ['macOS Platform Credential', 'otherPasskey'],
  microsoftAuthenticatorPush: ['Authenticator notifications', null],
  softwareOneTimePasscode: ['Software one-time passcode', null],
  hardwareOneTimePasscode: ['Hardware one-time passcode', null],
  temporaryAccessPass: ['Temporary Access Pass', null],
  mobilePhone: ['Mobile phone', null],
  alternateMobilePhone: ['Alternate mobile phone', null],
  officePhone: ['Office phone', null],
  email: ['Email', null],
  securityQuestion: ['Security questions', null],
};

export function describeRegisteredMethod(value: string): RegisteredMethodDescription {
  const entry = Object.hasOwn(METHOD_LABELS, value) ? METHOD_LABELS[value] : undefined;
  return entry
    ? { value, label: entry[0], known: true, passwordless: entry[1] }
    : { value, label: value, known: false, passwordless: null };
}

/**
 * The passwordless end state a report row shows: a passkey in Authenticator first (it is
 * phishing-resistant), then phone sign-in; other passwordless methods are not TAP Desk's goals.
 */
export function passwordlessGoalOf(
  methodsRegistered: readonly string[] | null | undefined,
): 'passkey' | 'phoneSignIn' | null {
  const kinds = new Set(
    (methodsRegistered ?? []).map((v) => describeRegisteredMethod(v).passwordless),
  );
  if (kinds.has('passkeyInAuthenticator')) return 'passkey';
  if (kinds.has('phoneSignIn')) return 'phoneSignIn';
  return null;
}

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
