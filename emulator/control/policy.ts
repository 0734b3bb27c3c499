import type { TapPolicy, Tenant } from '../model';
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
