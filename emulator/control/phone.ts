import { isTargeted } from '../directory';
import type { AuthenticatorMethod, Tenant, User } from '../model';
import {
  authenticatorAudit,
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
 * Authenticator (push only), then turn on phone sign-in. Changes the state Graph serves.
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
    default:
      throw new ControlError(
        400,
        'badAction',
        "action must be 'redeem-tap', 'register-authenticator' or 'enable-phone-sign-in'.",
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

function registerAuthenticator(tenant: Tenant, user: User, deviceName: unknown, now: number) {
  const methods = methodsOf(tenant, user);
  const tap = methods.temporaryAccessPass;
  const used = tap?.usedDateTime ? Date.parse(tap.usedDateTime) : undefined;
  const sessionEnd =
    tap && used !== undefined
      ? Math.min(tapEnd(tap), tap.isUsableOnce ? used + ONE_TIME_SESSION_MS : Infinity)
      : 0;
  if (now >= sessionEnd) {
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
