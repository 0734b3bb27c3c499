import { APP_ROLES, type AppRole, type RoleKey } from '../constants';
import type { OnboardingPlan } from './plan';

export interface PersonSpec {
  id: string;
  /** Defaults to "givenName surname". */
  displayName?: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail?: string;
  department: string | null;
  jobTitle: string;
  appRoles?: AppRole[];
  directoryRoles?: RoleKey[];
  userType?: 'Member' | 'Guest';
  externalUserState?: 'Accepted';
  accountEnabled?: boolean;
  /** Membership of the Passwordless Pilot: directly, through the nested Wave 2 group, or none. */
  pilot?: 'direct' | 'wave2';
  /** In the TAP policy's target group; defaults to true for everyone but external guests. */
  tapTarget?: boolean;
  onboarding?: OnboardingPlan;
}

export interface DemoAccount extends PersonSpec {
  displayName: string;
  /** What the account is for, as the sign-in page shows it. */
  purpose: string;
}

/** The TAP Desk staff accounts, in the order the sign-in page lists them. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    id: '7897b237-c28f-4b89-a6ab-1f95dea8619f',
    displayName: 'Helen Helpdesk',
    givenName: 'Helen',
    surname: 'Helpdesk',
    userPrincipalName: 'helen.helpdesk@contoso.com',
    department: 'IT Service Desk',
    jobTitle: 'Service Desk Analyst',
    appRoles: [APP_ROLES.helpdesk],
    directoryRoles: ['authenticationAdministrator'],
    purpose: 'Helpdesk, Authentication Administrator',
  },
  {
    id: '85856189-9ed6-479b-9467-6d404c678cf5',
    displayName: 'Sam Senior Helpdesk',
    givenName: 'Sam',
    surname: 'Senior',
    userPrincipalName: 'sam.senior@contoso.com',
    department: 'IT Service Desk',
    jobTitle: 'Senior Service Desk Analyst',
    appRoles: [APP_ROLES.helpdesk],
    directoryRoles: ['privilegedAuthenticationAdministrator'],
    purpose: 'Helpdesk, Privileged Authentication Administrator (may issue TAPs to admins)',
  },
  {
    id: 'afd95321-bf2d-4782-b6bb-3be7aff37041',
    displayName: 'Hugo Helpdesk Administrator',
    givenName: 'Hugo',
    surname: 'Helpdesk',
    userPrincipalName: 'hugo.helpdeskadmin@contoso.com',
    department: 'IT Service Desk',
    jobTitle: 'Service Desk Analyst',
    appRoles: [APP_ROLES.helpdesk],
    directoryRoles: ['helpdeskAdministrator'],
    purpose: 'Helpdesk, Helpdesk Administrator only (Graph refuses him TAPs)',
  },
  {
    id: '9588d662-23ff-4a95-80d0-c0482c0f88b5',
    displayName: 'Max Manager',
    givenName: 'Max',
    surname: 'Manager',
    userPrincipalName: 'max.manager@contoso.com',
    department: 'IT Security',
    jobTitle: 'Passwordless Programme Manager',
    appRoles: [APP_ROLES.pilotManager],
    directoryRoles: ['reportsReader', 'globalReader'],
    purpose: 'Pilot manager, Reports Reader and Global Reader',
  },
  {
    id: '41aa147f-27fc-4e83-a402-348e25f3d1f2',
    displayName: 'Audrey Auditor',
    givenName: 'Audrey',
    surname: 'Auditor',
    userPrincipalName: 'audrey.auditor@contoso.com',
    department: 'Internal Audit',
    jobTitle: 'IT Auditor',
    appRoles: [APP_ROLES.auditor],
    directoryRoles: ['reportsReader', 'securityReader'],
    purpose: 'Auditor, Reports Reader and Security Reader',
  },
  {
    id: 'b6e6b194-7676-4e47-bc0e-6790097c5b64',
    displayName: 'Nadia No Role',
    givenName: 'Nadia',
    surname: 'No Role',
    userPrincipalName: 'nadia.norole@contoso.com',
    department: 'Marketing',
    jobTitle: 'Marketing Specialist',
    purpose: 'No app role and no directory role',
  },
];

/** Directory admins besides the staff: 2 Global, 2 User and 1 Security Administrator. */
export const DIRECTORY_ADMINS: readonly PersonSpec[] = [
  {
    id: 'aa98f7fa-8709-40fc-8810-271396a546e0',
    givenName: 'Olga',
    surname: 'Ivanova',
    userPrincipalName: 'olga.ivanova@contoso.com',
    department: 'IT Operations',
    jobTitle: 'Cloud Platform Lead',
    directoryRoles: ['globalAdministrator'],
  },
  {
    id: '1803f0fc-f11d-4d4e-bf92-eb3bafdb26cc',
    givenName: 'Tomás',
    surname: 'Castillo',
    userPrincipalName: 'tomas.castillo@contoso.com',
    department: 'IT Operations',
    jobTitle: 'Infrastructure Architect',
    directoryRoles: ['globalAdministrator'],
  },
  {
    id: 'bab8ec97-6e69-43db-8a2c-8e1a6f48049d',
    givenName: 'Ingrid',
    surname: 'Jensen',
    userPrincipalName: 'ingrid.jensen@contoso.com',
    department: 'IT Operations',
    jobTitle: 'Identity Engineer',
    directoryRoles: ['userAdministrator'],
  },
  {
    id: '292812d3-965a-4158-9281-69e840f88311',
    givenName: 'Kenji',
    surname: 'Tanaka',
    userPrincipalName: 'kenji.tanaka@contoso.com',
    department: 'IT Operations',
    jobTitle: 'Systems Administrator',
    directoryRoles: ['userAdministrator'],
    onboarding: {
      taps: [
        {
          hoursAgo: 50,
          lifetimeInMinutes: 60,
          isUsableOnce: true,
          usedMinutesAfterStart: 6,
          issuer: 'sam',
        },
      ],
      authenticator: 'passwordless',
    },
  },
  {
    id: '3b401126-2266-40ac-b4a8-1d6745ed0571',
    givenName: 'Fatima',
    surname: 'Rahman',
    userPrincipalName: 'fatima.rahman@contoso.com',
    department: 'IT Security',
    jobTitle: 'Security Engineer',
    directoryRoles: ['securityAdministrator'],
  },
];

/** The Global Administrator who issues TAPs in the Entra admin center, bypassing TAP Desk. */
export const PORTAL_ISSUER_ID = 'aa98f7fa-8709-40fc-8810-271396a546e0';

const fixture = (description: string, spec: PersonSpec) => ({ ...spec, description });

/** Named users with hand-made states, stable whatever the settings, for UI work and tests. */
export const DEMO_FIXTURES = {
  pilotNothingYet: fixture('Pilot member (direct), no TAP and no Authenticator yet', {
    id: '3e606fa6-0169-4146-a6b9-989d2d1843ed',
    givenName: 'Siobhán',
    surname: "O'Brien",
    userPrincipalName: 'siobhan.obrien@contoso.com',
    department: 'Finance',
    jobTitle: 'Financial Analyst',
    pilot: 'direct',
  }),
  pilotValidTap: fixture('Pilot member with a valid multi-use TAP issued 30 minutes ago', {
    id: '761964e7-d9ad-4744-a661-d8b7b06ea178',
    givenName: 'José',
    surname: 'Núñez',
    userPrincipalName: 'jose.nunez@contoso.com',
    department: 'Sales',
    jobTitle: 'Account Executive',
    pilot: 'direct',
    onboarding: {
      taps: [{ hoursAgo: 0.5, lifetimeInMinutes: 480, isUsableOnce: false, issuer: 'helen' }],
    },
  }),
  pilotExpiredTap: fixture('Pilot member whose unused TAP expired 2 hours ago', {
    id: 'cfc9295f-f41e-4940-b227-d7f03f125566',
    givenName: 'Zoë',
    surname: 'Chen-Müller',
    userPrincipalName: 'zoe.chen-muller@contoso.com',
    department: 'Engineering',
    jobTitle: 'Software Engineer',
    pilot: 'direct',
    onboarding: {
      taps: [{ hoursAgo: 3, lifetimeInMinutes: 60, isUsableOnce: false, issuer: 'helen' }],
    },
  }),
  pilotTapUsed: fixture(
    'Pilot member who signed in with a still-valid TAP but registered nothing',
    {
      id: '8f160c52-d2d5-4e3a-abe6-86c997a88f63',
      givenName: 'Ada',
      surname: 'Lovelace',
      userPrincipalName: 'ada.lovelace@contoso.com',
      department: 'Operations',
      jobTitle: 'Logistics Planner',
      pilot: 'direct',
      onboarding: {
        taps: [
          {
            hoursAgo: 2,
            lifetimeInMinutes: 480,
            isUsableOnce: false,
            usedMinutesAfterStart: 10,
            issuer: 'helen',
          },
        ],
      },
    },
  ),
  pilotTapNotYetValid: fixture('Pilot member with a TAP that starts tomorrow morning', {
    id: '25885a49-af8d-419b-a6d1-cc5f6e1d04ff',
    givenName: 'Yusuf',
    surname: 'Yilmaz',
    userPrincipalName: 'yusuf.yilmaz@contoso.com',
    department: 'Support',
    jobTitle: 'Support Team Lead',
    pilot: 'direct',
    onboarding: {
      taps: [
        {
          hoursAgo: 1,
          startsAfterHours: 16,
          lifetimeInMinutes: 240,
          isUsableOnce: true,
          issuer: 'helen',
        },
      ],
    },
  }),
  pilotPushOnly: fixture('Pilot member stalled on Authenticator push only (no phone sign-in)', {
    id: 'dc879137-b3fa-4c13-bdae-466da2feed93',
    givenName: 'Priya',
    surname: 'Sharma',
    userPrincipalName: 'priya.sharma@contoso.com',
    department: 'Marketing',
    jobTitle: 'Brand Manager',
    pilot: 'direct',
    onboarding: {
      taps: [
        {
          hoursAgo: 144,
          lifetimeInMinutes: 120,
          isUsableOnce: false,
          usedMinutesAfterStart: 10,
          issuer: 'helen',
        },
      ],
      authenticator: 'push',
    },
  }),
  pilotPasswordless: fixture('Pilot member with passwordless phone sign-in enabled', {
    id: '9f7320a2-9d32-4483-9c51-5cd5ab5b51f1',
    givenName: 'Kwame',
    surname: 'Osei',
    userPrincipalName: 'kwame.osei@contoso.com',
    department: 'Engineering',
    jobTitle: 'Engineering Manager',
    pilot: 'direct',
    onboarding: {
      taps: [
        {
          hoursAgo: 288,
          lifetimeInMinutes: 60,
          isUsableOnce: true,
          usedMinutesAfterStart: 8,
          issuer: 'sam',
        },
      ],
      authenticator: 'passwordless',
    },
  }),
  pilotViaWave2: fixture('Pilot member only through the nested Wave 2 group, nothing yet', {
    id: '72b2c765-8e5c-4bea-b663-7b97270fdd50',
    givenName: 'Niamh',
    surname: "O'Connor",
    userPrincipalName: 'niamh.oconnor@contoso.com',
    department: 'HR',
    jobTitle: 'Recruiter',
    pilot: 'wave2',
  }),
  outsideTapTarget: fixture('Pilot member outside the TAP policy target group', {
    id: 'a3626d24-9d49-4766-98ee-82344128e0cb',
    givenName: 'Björn',
    surname: 'Andersson',
    userPrincipalName: 'bjorn.andersson@contoso.com',
    department: 'Research',
    jobTitle: 'Research Scientist',
    pilot: 'direct',
    tapTarget: false,
  }),
  twoTapsIn24h: fixture('Pilot member given two TAPs within 24 hours (the second is valid)', {
    id: '79f59618-3c62-4ce3-80d1-7e7c970e6ad5',
    givenName: 'Liam',
    surname: 'Murphy',
    userPrincipalName: 'liam.murphy@contoso.com',
    department: 'Support',
    jobTitle: 'Customer Support Agent',
    pilot: 'direct',
    onboarding: {
      taps: [
        { hoursAgo: 20, lifetimeInMinutes: 60, isUsableOnce: false, issuer: 'helen' },
        { hoursAgo: 2, lifetimeInMinutes: 480, isUsableOnce: false, issuer: 'sam' },
      ],
    },
  }),
  portalTap: fixture('Pilot member given a TAP in the Entra admin center: audited, no list item', {
    id: 'f2a9736d-4859-494c-92fb-99362dda9b0e',
    givenName: 'Hana',
    surname: 'Suzuki',
    userPrincipalName: 'hana.suzuki@contoso.com',
    department: 'Legal',
    jobTitle: 'Legal Counsel',
    pilot: 'direct',
    onboarding: {
      taps: [{ hoursAgo: 96, lifetimeInMinutes: 480, isUsableOnce: false, issuer: 'portal' }],
    },
  }),
  listItemWithoutAudit: fixture('Pilot member with a TAP Desk record but no audit event', {
    id: 'c78df280-e396-47c2-ad0a-fb63df416be4',
    givenName: 'Omar',
    surname: 'Khan',
    userPrincipalName: 'omar.khan@contoso.com',
    department: 'Procurement',
    jobTitle: 'Buyer',
    pilot: 'direct',
    onboarding: {
      taps: [
        {
          hoursAgo: 240,
          lifetimeInMinutes: 60,
          isUsableOnce: false,
          issuer: 'helen',
          audited: false,
        },
      ],
    },
  }),
  disabledPilotMember: fixture('Disabled account that is still in the pilot', {
    id: '76159a94-6414-48a7-93c8-38bdb20f07b7',
    givenName: 'Sofia',
    surname: 'Lambert',
    userPrincipalName: 'sofia.lambert@contoso.com',
    department: 'Sales',
    jobTitle: 'Sales Representative',
    accountEnabled: false,
    pilot: 'direct',
  }),
  disabledUser: fixture('Disabled account outside the pilot', {
    id: 'c943d626-08af-46cc-9923-6990ce25fa4b',
    givenName: 'Dmitri',
    surname: 'Petrov',
    userPrincipalName: 'dmitri.petrov@contoso.com',
    department: 'Finance',
    jobTitle: 'Controller',
    accountEnabled: false,
  }),
  externalGuest: fixture('External guest (B2B, accepted); Entra refuses TAPs for them', {
    id: 'f4922d18-8d0d-49f5-b907-40ee714b93db',
    givenName: 'Pat',
    surname: 'Guest',
    userPrincipalName: 'pat.guest_fabrikam.com#EXT#@contoso.com',
    mail: 'pat.guest@fabrikam.com',
    department: null,
    jobTitle: 'Partner Consultant',
    userType: 'Guest',
    externalUserState: 'Accepted',
  }),
  internalGuest: fixture('Internal guest (local account, userType Guest)', {
    id: 'df88bb0f-9be3-42ce-afba-be1bd91160ae',
    givenName: 'Inès',
    surname: 'Moreau',
    userPrincipalName: 'ines.moreau@contoso.com',
    department: 'Engineering',
    jobTitle: 'Contractor',
    userType: 'Guest',
  }),
  nonPilotUser: fixture('Ordinary user outside the pilot: password and phone', {
    id: '32eb7660-36ea-4c68-85ee-bba768216366',
    givenName: 'Emma',
    surname: 'Smith',
    userPrincipalName: 'emma.smith@contoso.com',
    department: 'HR',
    jobTitle: 'HR Generalist',
  }),
  globalAdmin: fixture('Global Administrator (issues TAPs in the admin center)', {
    ...(DIRECTORY_ADMINS[0] as PersonSpec),
  }),
  adminWithTap: fixture('User Administrator who was given a one-time TAP by Sam', {
    ...(DIRECTORY_ADMINS[3] as PersonSpec),
  }),
} as const;

export type DemoFixtureKey = keyof typeof DEMO_FIXTURES;
