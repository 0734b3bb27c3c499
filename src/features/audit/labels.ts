import type { ActivityFilter, Anomaly, RowKind } from './reconcile';

export const ACTIVITY_LABELS: Record<ActivityFilter, string> = {
  all: 'All TAP activity',
  tapCreated: 'TAP created',
  tapDeleted: 'TAP deleted',
  authenticatorRegistered: 'Authenticator registered',
};

export const ROW_KIND_LABELS: Record<RowKind, string> = {
  tapCreated: 'TAP created',
  tapDeleted: 'TAP deleted',
  authenticatorRegistered: 'Authenticator registered',
  recordOnly: 'Verification record only',
};

export const ANOMALY_LABELS: Record<Anomaly, { label: string; description: string }> = {
  noVerification: {
    label: 'No verification record',
    description:
      'A pass was created with no TAP Desk verification record: issued outside TAP Desk, for example in the Entra admin center.',
  },
  adminTarget: {
    label: 'Admin account',
    description: 'The pass was issued to an account that holds an Entra directory role.',
  },
  repeatWithin24h: {
    label: 'Repeat within 24 h',
    description: 'The same person received more than one pass within 24 hours.',
  },
  noAuthenticator: {
    label: 'No Authenticator registration',
    description:
      'The pass ended (expired, replaced or deleted) without the person registering Microsoft Authenticator.',
  },
  recordWithoutEvent: {
    label: 'Not in audit log',
    description:
      'TAP Desk recorded issuing a pass, but the directory audit log has no matching creation.',
  },
};
