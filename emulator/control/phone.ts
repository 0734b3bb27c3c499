import { AUTHENTICATOR_AAGUIDS } from '../constants';
import { isTargeted } from '../directory';
import type { AuthenticatorMethod, Fido2Method, Tenant, User } from '../model';
import {
  authenticatorAudit,
  passkeyAudit,
  enablePhoneSignIn,
  homeIpAddress,
  iso,
  tapSignIn,
} from '../seed/onboarding';
import { tapEnd, tapUsability } from '../tap';

export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A one-time pass leaves this long to finish registration after signing in with it. */
const ONE_TIME_SESSION_MS = 10 * 60_000;

const BLOCKED_BY_POLICY = 'AADSTS130501: Sign in was blocked due to User Credential Policy.';

/**
 * What the user does on their phone and at mysecurityinfo: sign in with the TAP, register
 * Authenticator (push only), turn on phone sign-in, create or delete a passkey. Changes the state
 * Graph serves.
 */
export function phoneAction(tenant: Tenant, user: User, body: unknown, now: number): unknown {
  const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  switch (input.action) {
    case 'redeem-tap':
      return redeemTap(tenant, user, input.tap, now);
    case 'register-authenticator':
      return registerAuthenticator(tenant, user, input.deviceName, now);
    case 'enable-phone-sign-in':
      return enablePasswordless(tenant, user, now);
    case 'register-passkey':
      return registerPasskey(tenant, user, input.platform, now);
    case 'delete-passkey':
      return deletePasskey(tenant, user, now);
    default:
      throw new ControlError(
        400,
        'badAction',
        "action must be 'redeem-tap', 'register-authenticator', 'enable-phone-sign-in', 'register-passkey' or 'delete-passkey'.",
      );
  }
}

function methodsOf(tenant: Tenant, user: User) {
  const methods = tenant.authMethods.get(user.id);
  if (!methods) throw new ControlError(404, 'userNotFound', `No methods for ${user.id}.`);
  return methods;
}

function redeemTap(tenant: Tenant, user: User, pass: unknown, now: number) {
  if (!user.accountEnabled) {
    throw new ControlError(400, 'accountDisabled', 'AADSTS50057: The user account is disabled.');
  }
  const methods = methodsOf(tenant, user);
  const tap = methods.temporaryAccessPass;
  if (!tap || typeof pass !== 'string' || pass !== tap.secret) {
    throw new ControlError(
      400,
      'tapIncorrect',
      'AADSTS130507: The Temporary Access Pass is incorrect, or the user has none.',
    );
  }
  if (!isTargeted(tenant, tenant.tapPolicy, user.id)) {
    throw new ControlError(400, 'tapBlockedByPolicy', BLOCKED_BY_POLICY);
  }
  const { methodUsabilityReason } = tapUsability(tap, tenant.tapPolicy, now);
  const refusals: Record<string, [string, string]> = {
    Expired: ['tapExpired', 'AADSTS130504: Your Temporary Access Pass has expired.'],
    NotYetValid: ['tapNotYetValid', 'AADSTS130503: Your Temporary Access Pass is not valid yet.'],
    OneTimeUsed: [
      'tapAlreadyUsed',
      `${BLOCKED_BY_POLICY} This one-time Temporary Access Pass has already been used.`,
    ],
    DisabledByPolicy: ['tapBlockedByPolicy', BLOCKED_BY_POLICY],
  };
  const refusal = refusals[methodUsabilityReason];
  if (refusal) throw new ControlError(400, ...refusal);
  tap.usedDateTime = iso(now);
  tenant.signIns.push(tapSignIn(tenant, user.id, now));
  return {
    userId: user.id,
    temporaryAccessPass: {
      id: tap.id,
      ...tapUsability(tap, tenant.tapPolicy, now),
      usedDateTime: tap.usedDateTime,
    },
  };
}

/** Whether the user is still inside the session a TAP sign-in opened (registration needs MFA). */
function inTapSession(tenant: Tenant, user: User, now: number): boolean {
  const tap = methodsOf(tenant, user).temporaryAccessPass;
  const used = tap?.usedDateTime ? Date.parse(tap.usedDateTime) : undefined;
  const sessionEnd =
    tap && used !== undefined
      ? Math.min(tapEnd(tap), tap.isUsableOnce ? used + ONE_TIME_SESSION_MS : Infinity)
      : 0;
  return now < sessionEnd;
}

function registerAuthenticator(tenant: Tenant, user: User, deviceName: unknown, now: number) {
  const methods = methodsOf(tenant, user);
  if (!inTapSession(tenant, user, now)) {
    throw new ControlError(
      400,
      'tapSignInRequired',
      'Registering security info needs a sign-in with a valid Temporary Access Pass first (redeem-tap).',
    );
  }
  if (!isTargeted(tenant, tenant.authenticatorPolicy, user.id)) {
    throw new ControlError(400, 'authenticatorBlockedByPolicy', BLOCKED_BY_POLICY);
  }
  const method: AuthenticatorMethod = {
    id: tenant.nextId(),
    displayName:
      typeof deviceName === 'string' && deviceName.trim() ? deviceName.trim() : 'iPhone 15',
    deviceTag: 'SoftwareTokenActivated',
    phoneAppVersion: '6.8.14',
    createdDateTime: null,
    device: null,
  };
  methods.microsoftAuthenticator.push(method);
  methods.lastUpdatedDateTime = iso(now);
  tenant.directoryAudits.unshift(
    authenticatorAudit(tenant, user, now, 'push', homeIpAddress(user)),
  );
  return { userId: user.id, method };
}

function enablePasswordless(tenant: Tenant, user: User, now: number) {
  const methods = methodsOf(tenant, user);
  const method =
    methods.microsoftAuthenticator.find((m) => m.device === null) ??
    methods.microsoftAuthenticator.at(-1);
  if (!method) {
    throw new ControlError(
      400,
      'authenticatorRequired',
      'Phone sign-in needs Microsoft Authenticator registered first (register-authenticator).',
    );
  }
  if (method.device === null) {
    enablePhoneSignIn(tenant, method, now);
    methods.lastUpdatedDateTime = iso(now);
    tenant.directoryAudits.unshift(
      authenticatorAudit(tenant, user, now, 'passwordless', homeIpAddress(user)),
    );
  }
  return { userId: user.id, method };
}

const PASSKEY_MODELS = {
  ios: 'Microsoft Authenticator - iOS',
  android: 'Microsoft Authenticator - Android',
} as const;

/**
 * Creating a passkey in Authenticator: the user signs in to Authenticator (with the TAP, or with
 * Authenticator already registered, which gives the recent MFA Entra asks for) and accepts the
 * prompt. The passkey is a fido2AuthenticationMethod carrying Authenticator's AAGUID.
 */
function registerPasskey(tenant: Tenant, user: User, platform: unknown, now: number) {
  if (platform !== undefined && platform !== 'ios' && platform !== 'android') {
    throw new ControlError(400, 'badPlatform', "platform must be 'ios' or 'android'.");
  }
  const os = platform ?? 'ios';
  const methods = methodsOf(tenant, user);
  if (!inTapSession(tenant, user, now) && methods.microsoftAuthenticator.length === 0) {
    throw new ControlError(
      400,
      'mfaRequired',
      'Creating a passkey needs a recent multifactor sign-in: redeem the Temporary Access Pass (redeem-tap) or register Authenticator first.',
    );
  }
  const policy = tenant.fido2Policy;
  if (policy.state !== 'enabled' || !isTargeted(tenant, policy, user.id)) {
    throw new ControlError(400, 'passkeyBlockedByPolicy', BLOCKED_BY_POLICY);
  }
  const aaGuid = AUTHENTICATOR_AAGUIDS[os];
  const restrictions = policy.keyRestrictions;
  const listed = restrictions.aaGuids.includes(aaGuid);
  if (restrictions.isEnforced && listed !== (restrictions.enforcementType === 'allow')) {
    throw new ControlError(
      400,
      'passkeyKeyRestricted',
      `The passkey policy's key restrictions do not allow this authenticator (AAGUID ${aaGuid}).`,
    );
  }
  const method: Fido2Method = {
    id: tenant.nextId(),
    displayName: PASSKEY_MODELS[os],
    createdDateTime: iso(now),
    aaGuid,
    model: PASSKEY_MODELS[os],
    attestationCertificates: [],
    attestationLevel: 'attested',
  };
  methods.fido2.push(method);
  methods.lastUpdatedDateTime = iso(now);
  tenant.directoryAudits.unshift(passkeyAudit(tenant, user, now, homeIpAddress(user)));
  return { userId: user.id, method };
}

/**
 * The person deletes their newest passkey at mysecurityinfo. Entra logs that as the user's own
 * deletion ("User deleted security info"), not an admin's.
 */
function deletePasskey(tenant: Tenant, user: User, now: number) {
  const methods = methodsOf(tenant, user);
  const method = methods.fido2.pop();
  if (!method) {
    throw new ControlError(400, 'passkeyRequired', 'The user has no passkey to delete.');
  }
  methods.lastUpdatedDateTime = iso(now);
  tenant.directoryAudits.unshift({
    ...passkeyAudit(tenant, user, now, homeIpAddress(user)),
    activityDisplayName: 'User deleted security info',
    resultReason: 'User deleted Fido2 Authentication Method',
    operationType: 'Delete',
  });
  return { userId: user.id, method };
}
