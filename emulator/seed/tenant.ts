import {
  ALL_STAFF_GROUP_ID,
  AUTHENTICATOR_AAGUIDS,
  DEMO_DOMAIN,
  PILOT_GROUP_ID,
  PILOT_WAVE2_GROUP_ID,
  ROLE_DISPLAY_NAMES,
  ROLE_TEMPLATE_IDS,
  TAP_TARGET_GROUP_ID,
  type RoleKey,
} from '../constants';
import type { Group, Tenant, User } from '../model';
import { Random } from '../random';
import type { EmulatorSettings } from '../settings';
import { VERIFICATION_SITE_ID } from '../routes/lists';
import { setTapDeskSiteGrant } from '../routes/site-permissions';
import { seedConsentGrants } from './consent';
import { GIVEN_NAMES, JOB_TITLES, DEPARTMENTS, OFFICES, SURNAMES } from './names';
import {
  HistoryWriter,
  PILOT_STAGE_MIX,
  planForStage,
  prefersPasskey,
  type PilotStage,
} from './onboarding';
import {
  DEMO_ACCOUNTS,
  DEMO_FIXTURES,
  DIRECTORY_ADMINS,
  PORTAL_ISSUER_ID,
  type PersonSpec,
} from './people';

const SEED = 0x7a9d2e1;
const DAY = 86_400_000;

/** Independent streams, so fixed people come out the same whatever the population size. */
const stream = (n: number) => new Random(SEED + n * 0x9e3779b1);

export function defaultPilotSize(settings: EmulatorSettings): number {
  return settings.pilotSize ?? Math.round(settings.userCount * 0.4);
}

const FIXED_PEOPLE: readonly PersonSpec[] = [
  ...new Map(
    [...DEMO_ACCOUNTS, ...DIRECTORY_ADMINS, ...Object.values(DEMO_FIXTURES)].map((p) => [p.id, p]),
  ).values(),
];

/** Builds the deterministic demo tenant; timestamps are relative to `now`. */
export function createTenant(settings: EmulatorSettings, now = Date.now()): Tenant {
  const ids = stream(1);
  const tenant: Tenant = {
    generatedAt: now,
    users: [],
    groups: [],
    directoryRoles: [],
    authMethods: new Map(),
    directoryAudits: [],
    verificationRecords: [],
    signIns: [],
    tapPolicy: {
      id: 'TemporaryAccessPass',
      state: 'enabled',
      defaultLifetimeInMinutes: 60,
      defaultLength: 8,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      isUsableOnce: false,
      includeTargets: [
        { targetType: 'group', id: TAP_TARGET_GROUP_ID, isRegistrationRequired: false },
      ],
      excludeTargets: [],
    },
    authenticatorPolicy: {
      id: 'MicrosoftAuthenticator',
      state: 'enabled',
      featureSettings: {
        displayAppInformationRequiredState: {
          state: 'enabled',
          includeTarget: { targetType: 'group', id: 'all_users' },
        },
        displayLocationInformationRequiredState: {
          state: 'enabled',
          includeTarget: { targetType: 'group', id: 'all_users' },
        },
      },
      includeTargets: [
        {
          targetType: 'group',
          id: 'all_users',
          isRegistrationRequired: false,
          authenticationMode: 'any',
        },
      ],
      excludeTargets: [],
    },
    fido2Policy: {
      id: 'Fido2',
      state: 'enabled',
      isSelfServiceRegistrationAllowed: true,
      isAttestationEnforced: true,
      keyRestrictions: {
        isEnforced: true,
        enforcementType: 'allow',
        aaGuids: [AUTHENTICATOR_AAGUIDS.ios, AUTHENTICATOR_AAGUIDS.android],
      },
      includeTargets: [
        { targetType: 'group', id: PILOT_GROUP_ID, isRegistrationRequired: false },
        { targetType: 'group', id: PILOT_WAVE2_GROUP_ID, isRegistrationRequired: false },
      ],
      excludeTargets: [],
    },
    oauth2PermissionGrants: [],
    sitePermissions: [],
    nextId: () => ids.guid(),
  };

  const people = stream(2);
  const upns = new Set(FIXED_PEOPLE.map((p) => p.userPrincipalName));
  const fixed = FIXED_PEOPLE.map((spec, i) => makeUser(spec, i, people, now));
  const pilotSize = defaultPilotSize(settings);
  const pilotFixtures = FIXED_PEOPLE.filter((p) => p.pilot).length;
  const populationSize = Math.max(settings.userCount - fixed.length, pilotSize - pilotFixtures, 0);
  const suffixes = new Map<string, number>();
  const population = Array.from({ length: populationSize }, (_, i) =>
    makePopulationUser(fixed.length + i, people, { upns, suffixes }, now),
  );
  tenant.users = [...fixed, ...population];
  tenant.oauth2PermissionGrants = seedConsentGrants(tenant.users);
  setTapDeskSiteGrant(tenant, VERIFICATION_SITE_ID, settings.verificationSiteGrant);

  const byId = new Map(tenant.users.map((u) => [u.id, u]));
  const user = (id: string) => byId.get(id) as User;
  const staff = {
    helen: user(DEMO_ACCOUNTS[0]!.id),
    sam: user(DEMO_ACCOUNTS[1]!.id),
    portal: user(PORTAL_ISSUER_ID),
  };

  // Fixed people first, on their own stream, so their methods and TAPs never change.
  const fixedHistory = new HistoryWriter(tenant, stream(3), staff, now);
  for (const spec of FIXED_PEOPLE) {
    fixedHistory.baseline(user(spec.id), spec.pilot !== undefined);
    if (spec.onboarding) fixedHistory.apply(user(spec.id), spec.onboarding);
  }

  const mix = stream(4);
  const pilotPopulation = mix.shuffle(population).slice(0, Math.max(pilotSize - pilotFixtures, 0));
  const stages = new Map<string, PilotStage>();
  pilotPopulation.forEach((u, i) => stages.set(u.id, stageAt(i / pilotPopulation.length)));
  const populationHistory = new HistoryWriter(tenant, stream(5), staff, now);
  for (const u of population) {
    const stage = stages.get(u.id);
    populationHistory.baseline(u, stage !== undefined);
    if (stage) {
      const plan = planForStage(stage, mix);
      // Some who finished chose a passkey in Authenticator; decided without a random draw, so
      // the rest of the tenant stays as it was.
      if (plan.authenticator === 'passwordless' && prefersPasskey(u.id)) {
        plan.authenticator = 'passkey';
      }
      populationHistory.apply(u, plan);
    }
  }

  // Users outside the TAP policy can never have had a TAP, so pick them among those without one.
  const tapless = population.filter((u) => (stages.get(u.id) ?? 'none') === 'none');
  const outsideTapPolicy = new Set(
    mix
      .shuffle(tapless)
      .slice(0, Math.round(population.length * 0.05))
      .map((u) => u.id),
  );
  const wave2 = new Set(pilotPopulation.filter(() => mix.chance(0.3)).map((u) => u.id));

  const members = tenant.users.filter((u) => u.userType === 'Member');
  const pilotDirect = [
    ...FIXED_PEOPLE.filter((p) => p.pilot === 'direct').map((p) => p.id),
    ...pilotPopulation.filter((u) => !wave2.has(u.id)).map((u) => u.id),
  ];
  const pilotWave2 = [
    ...FIXED_PEOPLE.filter((p) => p.pilot === 'wave2').map((p) => p.id),
    ...pilotPopulation.filter((u) => wave2.has(u.id)).map((u) => u.id),
  ];
  const specs = new Map(FIXED_PEOPLE.map((p) => [p.id, p]));
  const tapTargets = tenant.users.filter((u) => {
    const spec = specs.get(u.id);
    if (spec) return spec.tapTarget ?? !u.externalUserState;
    return !outsideTapPolicy.has(u.id);
  });

  const groupIds = stream(6);
  const group = (
    id: string,
    displayName: string,
    description: string,
    memberIds: string[],
    kind: 'security' | 'unified' = 'security',
  ): Group => {
    const mailNickname = displayName.replace(/[^A-Za-z0-9]/g, '');
    return {
      id,
      displayName,
      description,
      mail: kind === 'unified' ? `${mailNickname}@${DEMO_DOMAIN}` : null,
      mailNickname,
      mailEnabled: kind === 'unified',
      securityEnabled: kind === 'security',
      groupTypes: kind === 'unified' ? ['Unified'] : [],
      createdDateTime: new Date(now - 120 * DAY).toISOString(),
      memberIds,
    };
  };
  const department = (name: string) =>
    tenant.users.filter((u) => u.department === name).map((u) => u.id);
  tenant.groups = [
    group(PILOT_GROUP_ID, 'Passwordless Pilot', 'Users moving to passwordless phone sign-in', [
      ...pilotDirect,
      PILOT_WAVE2_GROUP_ID,
    ]),
    group(
      PILOT_WAVE2_GROUP_ID,
      'Passwordless Pilot – Wave 2',
      'Second wave, nested in the pilot',
      pilotWave2,
    ),
    group(
      TAP_TARGET_GROUP_ID,
      'TAP Eligible Users',
      'Targets of the Temporary Access Pass policy',
      tapTargets.map((u) => u.id),
    ),
    group(
      ALL_STAFF_GROUP_ID,
      'All Staff',
      'Everyone at Contoso',
      members.map((u) => u.id),
      'unified',
    ),
    group(groupIds.guid(), 'IT Service Desk', 'Service desk team', department('IT Service Desk')),
    group(groupIds.guid(), 'Sales Team', 'Sales department', department('Sales')),
    group(groupIds.guid(), 'Engineering Team', 'Engineering department', department('Engineering')),
  ];

  const roleIds = stream(7);
  tenant.directoryRoles = (Object.keys(ROLE_TEMPLATE_IDS) as RoleKey[]).map((key) => ({
    id: roleIds.guid(),
    roleTemplateId: ROLE_TEMPLATE_IDS[key],
    displayName: ROLE_DISPLAY_NAMES[key],
    description: `Members of this role are ${ROLE_DISPLAY_NAMES[key]}s.`,
    memberIds: FIXED_PEOPLE.filter((p) => p.directoryRoles?.includes(key)).map((p) => p.id),
  }));

  // Graph lists audit events newest first.
  // ISO timestamps of one shape: code-unit order is time order, and far cheaper than localeCompare.
  tenant.directoryAudits.sort((a, b) => byText(b.activityDateTime, a.activityDateTime));
  tenant.verificationRecords
    .sort((a, b) => byText(a.createdDateTime, b.createdDateTime))
    .forEach((item, i) => (item.id = String(i + 1)));
  return tenant;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function stageAt(fraction: number): PilotStage {
  let cumulative = 0;
  for (const [stage, share] of PILOT_STAGE_MIX) {
    cumulative += share;
    if (fraction < cumulative) return stage;
  }
  return 'passwordless';
}

function makeUser(spec: PersonSpec, index: number, random: Random, now: number): User {
  const office = random.pick(OFFICES);
  const mailNickname = spec.userPrincipalName.split('@')[0] as string;
  return {
    id: spec.id,
    displayName: spec.displayName ?? `${spec.givenName} ${spec.surname}`,
    givenName: spec.givenName,
    surname: spec.surname,
    userPrincipalName: spec.userPrincipalName,
    mail: spec.mail ?? spec.userPrincipalName,
    mailNickname,
    department: spec.department,
    jobTitle: spec.jobTitle,
    officeLocation: spec.externalUserState ? null : office.officeLocation,
    businessPhones: random.chance(0.7) ? [`${office.phonePrefix} ${random.int(1000, 9999)}`] : [],
    mobilePhone: random.chance(0.6) ? `${office.phonePrefix} ${random.int(1000, 9999)}` : null,
    preferredLanguage: office.preferredLanguage,
    accountEnabled: spec.accountEnabled ?? true,
    userType: spec.userType ?? 'Member',
    createdDateTime: new Date(now - random.int(60, 6 * 365) * DAY).toISOString(),
    employeeId: spec.externalUserState ? null : String(100_000 + index),
    usageLocation: office.usageLocation,
    externalUserState: spec.externalUserState ?? null,
    externalUserStateChangeDateTime: spec.externalUserState
      ? new Date(now - random.int(30, 300) * DAY).toISOString()
      : null,
    appRoles: spec.appRoles ?? [],
  };
}

/** ASCII mail local part: "Zoë Chen-Müller" -> "zoe.chen-muller", "O'Connor" -> "oconnor". */
export function mailPart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');
}

/** UPNs taken so far, and the next number to try after each name (150,000 users share a few thousand). */
interface UpnRegistry {
  upns: Set<string>;
  suffixes: Map<string, number>;
}

function makePopulationUser(index: number, random: Random, taken: UpnRegistry, now: number): User {
  const givenName = random.pick(GIVEN_NAMES);
  const surname = random.pick(SURNAMES);
  const base = `${mailPart(givenName)}.${mailPart(surname)}`;
  let upn = `${base}@${DEMO_DOMAIN}`;
  if (taken.upns.has(upn)) {
    let n = taken.suffixes.get(base) ?? 2;
    while (taken.upns.has(`${base}${n}@${DEMO_DOMAIN}`)) n++;
    upn = `${base}${n}@${DEMO_DOMAIN}`;
    taken.suffixes.set(base, n + 1);
  }
  taken.upns.add(upn);
  const department = random.pick(DEPARTMENTS);
  return makeUser(
    {
      id: random.guid(),
      givenName,
      surname,
      userPrincipalName: upn,
      department,
      jobTitle: random.pick(JOB_TITLES[department] ?? ['Specialist']),
    },
    index,
    random,
    now,
  );
}
