import { ROLE_TEMPLATE_IDS } from '../constants';
import { GraphError } from '../graph/errors';
import { allowQueryOptions, metadataUrl } from '../graph/odata';
import type { GraphContext, GraphRouter } from '../graph/router';
import type { AuthenticatorPolicy, Fido2Policy, TapPolicy } from '../model';

/**
 * The authentication methods policy (docs/graph-facts.md §2). Reading needs Global Reader or Authentication
 * Policy Administrator (rbac-authentication-methods-policy-apis-read; Global Administrator per the
 * older page). An Authentication Administrator is refused, which is why the helpdesk form falls
 * back to the configured bounds.
 */
const READ_SCOPES = [
  'Policy.Read.AuthenticationMethod',
  'Policy.ReadWrite.AuthenticationMethod',
  'Policy.Read.All',
];
const READ_ROLES = [
  ROLE_TEMPLATE_IDS.globalReader,
  ROLE_TEMPLATE_IDS.authenticationPolicyAdministrator,
  ROLE_TEMPLATE_IDS.globalAdministrator,
];
const WRITE_SCOPES = ['Policy.ReadWrite.AuthenticationMethod'];
const WRITE_ROLES = [
  ROLE_TEMPLATE_IDS.authenticationPolicyAdministrator,
  ROLE_TEMPLATE_IDS.globalAdministrator,
];

const BASE = '/policies/authenticationMethodsPolicy';
const CONFIGURATIONS = `${BASE}/authenticationMethodConfigurations`;
const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration';
const AUTHENTICATOR_TYPE =
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration';
const FIDO2_TYPE = '#microsoft.graph.fido2AuthenticationMethodConfiguration';
/** What Graph shows for a feature setting's exclude target when none is set. */
const NO_TARGET = { targetType: 'group', id: '00000000-0000-0000-0000-000000000000' };

function targetsContext(ctx: GraphContext, id: string, type: string): string {
  return metadataUrl(
    ctx,
    `policies/authenticationMethodsPolicy/authenticationMethodConfigurations('${id}')/${type.slice(1)}/includeTargets`,
  );
}

export function tapPolicyResource(ctx: GraphContext, policy: TapPolicy) {
  return {
    '@odata.type': TAP_TYPE,
    id: policy.id,
    state: policy.state,
    defaultLifetimeInMinutes: policy.defaultLifetimeInMinutes,
    defaultLength: policy.defaultLength,
    minimumLifetimeInMinutes: policy.minimumLifetimeInMinutes,
    maximumLifetimeInMinutes: policy.maximumLifetimeInMinutes,
    isUsableOnce: policy.isUsableOnce,
    'includeTargets@odata.context': targetsContext(ctx, policy.id, TAP_TYPE),
    includeTargets: policy.includeTargets.map((t) => ({ ...t })),
    excludeTargets: policy.excludeTargets.map((t) => ({ ...t })),
  };
}

export function authenticatorPolicyResource(ctx: GraphContext, policy: AuthenticatorPolicy) {
  const feature = (
    setting: AuthenticatorPolicy['featureSettings'][keyof AuthenticatorPolicy['featureSettings']],
  ) => ({
    state: setting.state,
    includeTarget: { ...setting.includeTarget },
    excludeTarget: { ...NO_TARGET },
  });
  return {
    '@odata.type': AUTHENTICATOR_TYPE,
    id: policy.id,
    state: policy.state,
    featureSettings: {
      displayAppInformationRequiredState: feature(
        policy.featureSettings.displayAppInformationRequiredState,
      ),
      displayLocationInformationRequiredState: feature(
        policy.featureSettings.displayLocationInformationRequiredState,
      ),
    },
    'includeTargets@odata.context': targetsContext(ctx, policy.id, AUTHENTICATOR_TYPE),
    includeTargets: policy.includeTargets.map((t) => ({ ...t })),
    excludeTargets: policy.excludeTargets.map((t) => ({ ...t })),
  };
}

/** The passkey (FIDO2) policy: who may register passkeys, attestation and the AAGUID list. */
export function fido2PolicyResource(ctx: GraphContext, policy: Fido2Policy) {
  return {
    '@odata.type': FIDO2_TYPE,
    id: policy.id,
    state: policy.state,
    isSelfServiceRegistrationAllowed: policy.isSelfServiceRegistrationAllowed,
    isAttestationEnforced: policy.isAttestationEnforced,
    keyRestrictions: { ...policy.keyRestrictions, aaGuids: [...policy.keyRestrictions.aaGuids] },
    'includeTargets@odata.context': targetsContext(ctx, policy.id, FIDO2_TYPE),
    includeTargets: policy.includeTargets.map((t) => ({ ...t })),
    excludeTargets: policy.excludeTargets.map((t) => ({ ...t })),
  };
}

/** A refused policy change; the Graph route answers it as 400, the control API as badPolicy. */
export class PolicyPatchError extends Error {}

const LIFETIME = { min: 10, max: 43_200 };
const LENGTH = { min: 8, max: 48 };
const TARGET_TYPES = ['group', 'user'] as const;

/**
 * Applies a partial temporaryAccessPassAuthenticationMethodConfiguration to `current` and returns
 * the result, or throws PolicyPatchError with a plain reason. Ranges are Graph's (docs/graph-facts.md §2).
 */
export function patchTapPolicy(current: TapPolicy, input: unknown): TapPolicy {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new PolicyPatchError('The policy change must be a JSON object.');
  }
  const next: TapPolicy = {
    ...current,
    includeTargets: [...current.includeTargets],
    excludeTargets: [...current.excludeTargets],
  };
  const integer = (key: string, value: unknown, range: { min: number; max: number }) => {
    if (
      !Number.isInteger(value) ||
      (value as number) < range.min ||
      (value as number) > range.max
    ) {
      throw new PolicyPatchError(
        `'${key}' must be a whole number from ${range.min} to ${range.max}.`,
      );
    }
    return value as number;
  };
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case '@odata.type':
        if (value !== TAP_TYPE) throw new PolicyPatchError(`'@odata.type' must be '${TAP_TYPE}'.`);
        break;
      case 'id':
        if (value !== current.id) throw new PolicyPatchError(`'id' must be '${current.id}'.`);
        break;
      case 'state':
        if (value !== 'enabled' && value !== 'disabled') {
          throw new PolicyPatchError("'state' must be 'enabled' or 'disabled'.");
        }
        next.state = value;
        break;
      case 'isUsableOnce':
        if (typeof value !== 'boolean')
          throw new PolicyPatchError("'isUsableOnce' must be true or false.");
        next.isUsableOnce = value;
        break;
      case 'defaultLength':
        next.defaultLength = integer(key, value, LENGTH);
        break;
      case 'defaultLifetimeInMinutes':
      case 'minimumLifetimeInMinutes':
      case 'maximumLifetimeInMinutes':
        next[key] = integer(key, value, LIFETIME);
        break;
      case 'includeTargets':
        next.includeTargets = targets(key, value).map((t) => ({
          ...t,
          isRegistrationRequired: t.isRegistrationRequired ?? false,
        }));
        break;
      case 'excludeTargets':
        next.excludeTargets = targets(key, value).map(({ targetType, id }) => ({ targetType, id }));
        break;
      default:
        throw new PolicyPatchError(
          `'${key}' is not a property of the Temporary Access Pass policy.`,
        );
    }
  }
  if (next.minimumLifetimeInMinutes > next.maximumLifetimeInMinutes) {
    throw new PolicyPatchError(
      'The minimum lifetime must not be longer than the maximum lifetime.',
    );
  }
  if (
    next.defaultLifetimeInMinutes < next.minimumLifetimeInMinutes ||
    next.defaultLifetimeInMinutes > next.maximumLifetimeInMinutes
  ) {
    throw new PolicyPatchError(
      `The default lifetime must be between the minimum (${next.minimumLifetimeInMinutes}) and the maximum (${next.maximumLifetimeInMinutes}).`,
    );
  }
  return next;
}

function targets(key: string, value: unknown) {
  if (!Array.isArray(value)) throw new PolicyPatchError(`'${key}' must be a list of targets.`);
  return value.map((item: unknown) => {
    const target = (typeof item === 'object' && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    const targetType = target.targetType ?? 'group';
    if (typeof target.id !== 'string' || !target.id.trim()) {
      throw new PolicyPatchError(`Each of '${key}' needs an 'id' (a group id or 'all_users').`);
    }
    if (!TARGET_TYPES.includes(targetType as (typeof TARGET_TYPES)[number])) {
      throw new PolicyPatchError(`A target's 'targetType' must be 'group' or 'user'.`);
    }
    if (
      target.isRegistrationRequired !== undefined &&
      typeof target.isRegistrationRequired !== 'boolean'
    ) {
      throw new PolicyPatchError("'isRegistrationRequired' must be true or false.");
    }
    return {
      targetType: targetType as (typeof TARGET_TYPES)[number],
      id: target.id.trim().toLowerCase(),
      isRegistrationRequired: target.isRegistrationRequired as boolean | undefined,
    };
  });
}

export function registerPolicyRoutes(router: GraphRouter): void {
  const read = { scopes: READ_SCOPES, roles: READ_ROLES };
  /** One method configuration as its own entity. */
  const single =
    (resource: (ctx: GraphContext) => Record<string, unknown>) => (ctx: GraphContext) => {
      allowQueryOptions(ctx, []);
      return {
        status: 200,
        body: {
          '@odata.context': metadataUrl(ctx, 'authenticationMethodConfigurations/$entity'),
          ...resource(ctx),
        },
      };
    };
  const tap = single((ctx) => tapPolicyResource(ctx, ctx.state.tapPolicy));
  const authenticator = single((ctx) =>
    authenticatorPolicyResource(ctx, ctx.state.authenticatorPolicy),
  );
  const fido2 = single((ctx) => fido2PolicyResource(ctx, ctx.state.fido2Policy));
  const configurations = (ctx: GraphContext) => [
    fido2PolicyResource(ctx, ctx.state.fido2Policy),
    authenticatorPolicyResource(ctx, ctx.state.authenticatorPolicy),
    tapPolicyResource(ctx, ctx.state.tapPolicy),
  ];

  router.register('GET', BASE, read, (ctx) => {
    allowQueryOptions(ctx, []);
    return {
      status: 200,
      body: {
        '@odata.context': metadataUrl(ctx, 'authenticationMethodsPolicy'),
        id: 'authenticationMethodsPolicy',
        displayName: 'Authentication Methods Policy',
        description:
          'The tenant-wide policy that controls which authentication methods are allowed in the tenant, authentication method registration requirements, and self-service password reset settings',
        lastModifiedDateTime: new Date(ctx.state.generatedAt).toISOString(),
        policyVersion: '1.5',
        policyMigrationState: 'migrationComplete',
        registrationEnforcement: {
          authenticationMethodsRegistrationCampaign: {
            snoozeDurationInDays: 1,
            state: 'default',
            excludeTargets: [],
            includeTargets: [
              {
                id: 'all_users',
                targetType: 'group',
                targetedAuthenticationMethod: 'microsoftAuthenticator',
              },
            ],
          },
        },
        'authenticationMethodConfigurations@odata.context': metadataUrl(
          ctx,
          'policies/authenticationMethodsPolicy/authenticationMethodConfigurations',
        ),
        authenticationMethodConfigurations: configurations(ctx),
      },
    };
  });
  router.register('GET', CONFIGURATIONS, read, (ctx) => {
    allowQueryOptions(ctx, []);
    return {
      status: 200,
      body: {
        '@odata.context': metadataUrl(
          ctx,
          'policies/authenticationMethodsPolicy/authenticationMethodConfigurations',
        ),
        value: configurations(ctx),
      },
    };
  });
  // Literal segments match case-insensitively, so 'TemporaryAccessPass' (the id) works too.
  router.register('GET', `${CONFIGURATIONS}/temporaryAccessPass`, read, tap);
  router.register('GET', `${CONFIGURATIONS}/microsoftAuthenticator`, read, authenticator);
  router.register('GET', `${CONFIGURATIONS}/fido2`, read, fido2);
  router.register(
    'PATCH',
    `${CONFIGURATIONS}/temporaryAccessPass`,
    { scopes: WRITE_SCOPES, roles: WRITE_ROLES },
    (ctx) => {
      try {
        Object.assign(ctx.state.tapPolicy, patchTapPolicy(ctx.state.tapPolicy, ctx.body));
      } catch (error) {
        if (error instanceof PolicyPatchError) {
          throw new GraphError(400, 'badRequest', error.message);
        }
        throw error;
      }
      return { status: 204 };
    },
  );
}
