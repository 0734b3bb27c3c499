import { AUTHENTICATOR_AAGUIDS, PASSWORD_METHOD_ID } from '../constants';
import type {
  AuthenticatorMethod,
  DirectoryAudit,
  SignInRecord,
  TapMethod,
  Tenant,
  User,
  UserAuthMethods,
} from '../model';
import type { Random } from '../random';
import { generateTapValue, tapUsability } from '../tap';
import { FIDO2_KEYS, ISSUE_REASONS, PHONE_MODELS, VERIFICATION_METHODS } from './names';
import type { OnboardingPlan, TapIssuePlan, TapIssuer } from './plan';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;

export type PilotStage =
  'none' | 'tapValid' | 'tapExpired' | 'tapUsed' | 'pushOnly' | 'passwordless';

/** Share of pilot members in each stage, in the order they are handed out. */
export const PILOT_STAGE_MIX: readonly [PilotStage, number][] = [
  ['none', 0.25],
  ['tapValid', 0.1],
  ['tapExpired', 0.1],
  ['tapUsed', 0.1],
  ['pushOnly', 0.15],
  ['passwordless', 0.3],
];

/** About three in eight finished pilot members chose a passkey over phone sign-in. */
export function prefersPasskey(userId: string): boolean {
  return Number.parseInt(userId.slice(-1), 16) % 8 < 3;
}

/** A plausible history for a pilot member in the given stage, spread over the last 21 days. */
export function planForStage(stage: PilotStage, random: Random): OnboardingPlan {
  if (stage === 'none') return { taps: [] };
  const issuer: TapIssuer = random.chance(0.04) ? 'portal' : random.chance(0.25) ? 'sam' : 'helen';
  // Skewed towards recent days so a trend chart shows the pilot picking up.
  const hoursAgo = 2 + 20 * 24 * random.next() ** 1.4;
  const base = { issuer, isUsableOnce: random.chance(0.3) };
  switch (stage) {
    case 'tapValid': {
      const lifetimeInMinutes = random.pick([240, 480]);
      const age = random.next() * (lifetimeInMinutes / 60 - 0.5);
      return { taps: [{ ...base, hoursAgo: age, lifetimeInMinutes, isUsableOnce: false }] };
    }
    case 'tapExpired': {
      const lifetimeInMinutes = random.pick([60, 60, 120, 480]);
      return {
        taps: [{ ...base, hoursAgo: hoursAgo + lifetimeInMinutes / 60, lifetimeInMinutes }],
      };
    }
    case 'tapUsed':
    case 'pushOnly':
    case 'passwordless': {
      const tap: TapIssuePlan = {
        ...base,
        hoursAgo,
        lifetimeInMinutes: random.pick([60, 120, 480]),
        usedMinutesAfterStart: random.int(3, 40),
      };
      if (stage === 'tapUsed') return { taps: [tap] };
      return { taps: [tap], authenticator: stage === 'pushOnly' ? 'push' : 'passwordless' };
    }
  }
}

export interface Staff {
  helen: User;
  sam: User;
  portal: User;
}

/** Writes a user's baseline methods and onboarding history into the tenant. */
export class HistoryWriter {
  constructor(
    private readonly tenant: Tenant,
    private readonly random: Random,
    private readonly staff: Staff,
    private readonly now: number,
  ) {}

  baseline(user: User, inPilot: boolean): void {
    const r = this.random;
    const methods: UserAuthMethods = {
      password: { id: PASSWORD_METHOD_ID, createdDateTime: user.createdDateTime },
      temporaryAccessPass: null,
      microsoftAuthenticator: [],
      phone: [],
      email: [],
      fido2: [],
      windowsHelloForBusiness: [],
      lastUpdatedDateTime: iso(this.now - r.int(1, 20) * DAY - r.int(0, 23) * HOUR),
    };
    this.tenant.authMethods.set(user.id, methods);
    // External guests register their methods in their home tenant.
    if (user.externalUserState) return;
    if (r.chance(0.75)) {
      const phoneNumber = `+1 ${r.int(200, 989)}555${String(r.int(0, 9999)).padStart(4, '0')}`;
      methods.phone.push({
        id: '3179e48a-750b-4051-897c-87b9720928f7',
        phoneNumber,
        phoneType: 'mobile',
        smsSignInState: 'notAllowedByPolicy',
      });
    }
    if (r.chance(0.2) && user.mail) {
      methods.email.push({ id: '3ddfcfc8-9383-446f-83cc-3ab9be4be18f', emailAddress: user.mail });
    }
    if (!inPilot) {
      if (r.chance(0.25)) methods.microsoftAuthenticator.push(this.authenticator(null));
      if (r.chance(0.08)) {
        methods.windowsHelloForBusiness.push({
          id: this.tenant.nextId(),
          displayName: `CONTOSO-LT${r.int(1000, 9999)}`,
          createdDateTime: this.past(30, 400),
          keyStrength: 'normal',
        });
      }
      if (r.chance(0.03)) {
        const key = r.pick(FIDO2_KEYS);
        methods.fido2.push({
          id: this.tenant.nextId(),
          displayName: key.model,
          createdDateTime: this.past(30, 400),
          ...key,
          attestationCertificates: [],
          attestationLevel: 'attested',
        });
      }
    }
  }

  apply(user: User, plan: OnboardingPlan): void {
    const methods = this.tenant.authMethods.get(user.id);
    if (!methods) throw new Error(`No methods for ${user.userPrincipalName}`);
    let lastEvent = Number.NEGATIVE_INFINITY;
    let lastUse: number | null = null;
    for (const tapPlan of plan.taps) {
      const created = this.now - tapPlan.hoursAgo * HOUR;
      const start = created + (tapPlan.startsAfterHours ?? 0) * HOUR;
      const used =
        tapPlan.usedMinutesAfterStart === undefined
          ? null
          : Math.min(start + tapPlan.usedMinutesAfterStart * MINUTE, this.now);
      const previous = methods.temporaryAccessPass;
      const replaced =
        previous !== null && tapUsability(previous, this.tenant.tapPolicy, created).isUsable;
      const tap: TapMethod = {
        id: this.tenant.nextId(),
        createdDateTime: iso(created),
        startDateTime: iso(start),
        lifetimeInMinutes: tapPlan.lifetimeInMinutes,
        isUsableOnce: tapPlan.isUsableOnce,
        secret: generateTapValue(this.random, this.tenant.tapPolicy.defaultLength),
        usedDateTime: used === null ? null : iso(used),
      };
      methods.temporaryAccessPass = tap;
      const issuer = this.staff[tapPlan.issuer];
      if (tapPlan.audited !== false) {
        this.tenant.directoryAudits.push(
          tapIssuedAudit(
            this.tenant,
            issuer,
            user,
            created,
            tapPlan.isUsableOnce,
            ipAddress(this.random, '203.0.113'),
          ),
        );
      }
      if (tapPlan.issuer !== 'portal') this.listItem(issuer, user, tap, replaced);
      if (used !== null) {
        this.tenant.signIns.push(tapSignIn(this.tenant, user.id, used));
        lastUse = used;
      }
      lastEvent = Math.max(lastEvent, used ?? created);
    }
    if (plan.authenticator && lastUse !== null) {
      const registered = Math.min(lastUse + this.random.int(2, 8) * MINUTE, this.now);
      const method = this.authenticator(null);
      methods.microsoftAuthenticator.push(method);
      this.tenant.directoryAudits.push(
        authenticatorAudit(this.tenant, user, registered, 'push', homeIpAddress(user)),
      );
      lastEvent = registered;
      if (plan.authenticator === 'passwordless' || plan.authenticator === 'passkey') {
        // Some finish at once, others after a nudge days later.
        const delay = this.random.chance(0.7)
          ? this.random.int(1, 15) * MINUTE
          : this.random.int(1, 5) * DAY;
        const enabled = Math.min(registered + delay, this.now);
        if (plan.authenticator === 'passkey') {
          // As many ids as phone sign-in takes (method, then the audit's two).
          const os = Number.parseInt(user.id.slice(-2, -1), 16) % 2 ? 'android' : 'ios';
          const model = `Microsoft Authenticator - ${os === 'ios' ? 'iOS' : 'Android'}`;
          methods.fido2.push({
            id: this.tenant.nextId(),
            displayName: model,
            createdDateTime: iso(enabled),
            aaGuid: AUTHENTICATOR_AAGUIDS[os],
            model,
            attestationCertificates: [],
            attestationLevel: 'attested',
          });
          this.tenant.directoryAudits.push(
            passkeyAudit(this.tenant, user, enabled, homeIpAddress(user)),
          );
        } else {
          enablePhoneSignIn(this.tenant, method, enabled);
          this.tenant.directoryAudits.push(
            authenticatorAudit(this.tenant, user, enabled, 'passwordless', homeIpAddress(user)),
          );
        }
        lastEvent = enabled;
      }
    }
    if (lastEvent > Number.NEGATIVE_INFINITY) {
      const refreshed = Math.min(lastEvent + this.random.int(30, 240) * MINUTE, this.now);
      methods.lastUpdatedDateTime = iso(refreshed);
    }
  }

  private authenticator(createdAt: number | null): AuthenticatorMethod {
    return {
      id: this.tenant.nextId(),
      displayName: this.random.pick(PHONE_MODELS),
      deviceTag: 'SoftwareTokenActivated',
      phoneAppVersion: `6.8.${this.random.int(1, 30)}`,
      createdDateTime: createdAt === null ? null : iso(createdAt),
      device: null,
    };
  }

  private listItem(issuer: User, target: User, tap: TapMethod, replaced: boolean): void {
    const at = iso(Date.parse(tap.createdDateTime) + 20_000);
    const ticket = `INC${this.random.int(100000, 999999)}`;
    const startAt = tap.startDateTime === tap.createdDateTime ? {} : { StartAt: tap.startDateTime };
    this.tenant.verificationRecords.push({
      id: String(this.tenant.verificationRecords.length + 1),
      createdDateTime: at,
      lastModifiedDateTime: at,
      createdBy: {
        user: { id: issuer.id, displayName: issuer.displayName, email: issuer.userPrincipalName },
      },
      fields: {
        Title: ticket,
        TargetUserId: target.id,
        TargetUpn: target.userPrincipalName,
        TargetDisplayName: target.displayName,
        IssuedByUpn: issuer.userPrincipalName,
        IssuedByName: issuer.displayName,
        IssuedAt: tap.createdDateTime,
        LifetimeMinutes: tap.lifetimeInMinutes,
        IsUsableOnce: tap.isUsableOnce,
        ...startAt,
        VerificationMethod: this.random.pick(VERIFICATION_METHODS),
        Ticket: ticket,
        Reason: this.random.pick(ISSUE_REASONS),
        TapMethodId: tap.id,
        Outcome: replaced ? 'replaced' : 'issued',
      },
    });
  }

  private past(minDays: number, maxDays: number): string {
    return iso(this.now - this.random.int(minDays, maxDays) * DAY);
  }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Turns push-only Authenticator into passwordless phone sign-in (createdDateTime and device set). */
export function enablePhoneSignIn(tenant: Tenant, method: AuthenticatorMethod, at: number): void {
  method.createdDateTime = iso(at);
  method.device = { id: tenant.nextId(), displayName: method.displayName };
}

function auditTarget(user: User): DirectoryAudit['targetResources'][number] {
  return {
    id: user.id,
    displayName: null,
    type: 'User',
    userPrincipalName: user.userPrincipalName,
    groupType: null,
    modifiedProperties: [],
  };
}

/** Documentation ranges: staff in the office on 203.0.113.x, people at home on 198.51.100.x. */
export function ipAddress(random: Random, range: '203.0.113' | '198.51.100'): string {
  return `${range}.${random.int(2, 254)}`;
}

/** A user's own (stable) address, for what they do at mysecurityinfo. */
export function homeIpAddress(user: User): string {
  return `198.51.100.${Number.parseInt(user.id.slice(0, 2), 16)}`;
}

export function tapIssuedAudit(
  tenant: Tenant,
  issuer: User,
  target: User,
  at: number,
  isUsableOnce: boolean,
  ip: string,
): DirectoryAudit {
  const targetResource = auditTarget(target);
  if (!isUsableOnce) {
    targetResource.modifiedProperties.push({
      displayName: 'AccessPassUsage',
      oldValue: null,
      newValue: 'Multiple',
    });
  }
  return {
    id: `Directory_${tenant.nextId()}`,
    category: 'UserManagement',
    correlationId: tenant.nextId(),
    result: 'success',
    resultReason: 'Admin registered temporary access pass method for user',
    activityDisplayName: 'Admin registered security info',
    activityDateTime: iso(at),
    loggedByService: 'Authentication Methods',
    operationType: 'Add',
    initiatedBy: {
      user: {
        id: issuer.id,
        displayName: issuer.displayName,
        userPrincipalName: issuer.userPrincipalName,
        ipAddress: ip,
      },
      app: null,
    },
    targetResources: [targetResource],
    additionalDetails: [],
  };
}

/**
 * "User registered security info" for Authenticator. Push carries the reason seen in tenants'
 * logs; what Entra writes for turning on phone sign-in is neither documented nor seen, so that
 * event carries no reason (Graph documents resultReason only for failures) and nobody can lean on one.
 */
export function authenticatorAudit(
  tenant: Tenant,
  user: User,
  at: number,
  kind: 'push' | 'passwordless',
  ip: string,
): DirectoryAudit {
  return {
    id: `Directory_${tenant.nextId()}`,
    category: 'UserManagement',
    correlationId: tenant.nextId(),
    result: 'success',
    resultReason:
      kind === 'push' ? 'User registered Authenticator App with Notification and Code' : '',
    activityDisplayName: 'User registered security info',
    activityDateTime: iso(at),
    loggedByService: 'Authentication Methods',
    operationType: 'Add',
    initiatedBy: {
      user: {
        id: user.id,
        displayName: user.displayName,
        userPrincipalName: user.userPrincipalName,
        ipAddress: ip,
      },
      app: null,
    },
    targetResources: [auditTarget(user)],
    additionalDetails: [],
  };
}

/**
 * "User registered security info" for a passkey, with the result reason Microsoft's audit-log
 * examples show for one ("User registered Fido2 Authentication Method").
 */
export function passkeyAudit(tenant: Tenant, user: User, at: number, ip: string): DirectoryAudit {
  return {
    ...authenticatorAudit(tenant, user, at, 'push', ip),
    resultReason: 'User registered Fido2 Authentication Method',
  };
}

export function tapSignIn(tenant: Tenant, userId: string, at: number): SignInRecord {
  return {
    id: tenant.nextId(),
    userId,
    createdDateTime: iso(at),
    authenticationMethod: 'temporaryAccessPass',
    appDisplayName: 'My Signins',
  };
}
