import type { AuthenticatorPolicy, Fido2Policy, TapPolicy, Tenant } from '../model';
import { patchTapPolicy, PolicyPatchError } from '../routes/policies';
import { ControlError } from './phone';

/**
 * PATCH /emulator/policies/temporary-access-pass: changes the tenant's TAP policy without an
 * Authentication Policy Administrator, so a test can make it differ from the app's configured
 * fallback. Same validation as Graph's PATCH; a reset restores the seeded policy.
 */
export function updateTapPolicy(tenant: Tenant, body: unknown): TapPolicy {
  try {
    return Object.assign(tenant.tapPolicy, patchTapPolicy(tenant.tapPolicy, body));
  } catch (error) {
    if (error instanceof PolicyPatchError) throw new ControlError(400, 'badPolicy', error.message);
    throw error;
  }
}

const MODES = ['any', 'push', 'deviceBasedPush'] as const;

function record(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ControlError(400, 'badPolicy', 'The policy change must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function state(value: unknown): 'enabled' | 'disabled' {
  if (value !== 'enabled' && value !== 'disabled') {
    throw new ControlError(400, 'badPolicy', "'state' must be 'enabled' or 'disabled'.");
  }
  return value;
}

/** Group targets: `[{ id, authenticationMode? }]`, the shape Graph's includeTargets have. */
function targets(value: unknown, withMode: boolean) {
  if (!Array.isArray(value))
    throw new ControlError(400, 'badPolicy', "'includeTargets' must be a list.");
  return value.map((item: unknown) => {
    const target = record(item);
    if (typeof target.id !== 'string' || !target.id.trim()) {
      throw new ControlError(
        400,
        'badPolicy',
        "Each target needs an 'id' (a group id or 'all_users').",
      );
    }
    const mode = target.authenticationMode ?? 'any';
    if (withMode && !MODES.includes(mode as (typeof MODES)[number])) {
      throw new ControlError(
        400,
        'badPolicy',
        `'authenticationMode' must be one of ${MODES.join(', ')}.`,
      );
    }
    return {
      targetType: 'group' as const,
      id: target.id.trim().toLowerCase(),
      isRegistrationRequired: false,
      ...(withMode ? { authenticationMode: mode as (typeof MODES)[number] } : {}),
    };
  });
}

/**
 * PATCH /emulator/policies/microsoft-authenticator and …/fido2: turn the policy off, or retarget
 * it (`includeTargets`, and `authenticationMode` per target for Authenticator), for tests of what
 * the readiness page and the helpdesk make of it. Other properties are refused, not ignored.
 */
export function updateMethodPolicy(
  tenant: Tenant,
  which: 'microsoft-authenticator' | 'fido2',
  body: unknown,
): AuthenticatorPolicy | Fido2Policy {
  const input = record(body);
  const policy = which === 'fido2' ? tenant.fido2Policy : tenant.authenticatorPolicy;
  const next = { ...policy };
  for (const [key, value] of Object.entries(input)) {
    if (key === 'state') next.state = state(value);
    else if (key === 'includeTargets') {
      next.includeTargets = targets(value, which === 'microsoft-authenticator') as never;
    } else throw new ControlError(400, 'badPolicy', `'${key}' cannot be changed here.`);
  }
  return Object.assign(policy, next);
}
