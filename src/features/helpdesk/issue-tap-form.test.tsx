import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IssueTapForm, validateIssueForm } from './issue-tap-form';
import { wordsOf } from '../../testing/words';
import { messageRef } from '../../i18n/catalog';
import { messages as checkWords } from './checks.messages';
import { policyView } from './issue-rules';
import { renderWithHarness } from '../../testing/harness';

const POLICY = policyView(
  {
    minimumLifetimeInMinutes: 60,
    maximumLifetimeInMinutes: 480,
    defaultLifetimeInMinutes: 60,
    isUsableOnce: false,
  },
  {
    minimumLifetimeInMinutes: 60,
    maximumLifetimeInMinutes: 480,
    defaultLifetimeInMinutes: 60,
    isUsableOnce: false,
  },
  [],
);
const NOW = new Date('2026-11-26T12:00:00Z');
const VALID = {
  verificationMethod: 'In person with photo ID',
  ticket: 'INC1',
  reason: 'New phone',
  lifetime: '120',
  startMode: 'now' as const,
  start: '',
};

describe('validating the issue form', () => {
  it('accepts a complete request inside the policy', async () => {
    expect(validateIssueForm(VALID, POLICY, NOW)).toEqual({});
  });

  it('asks for the verification, the ticket and the reason', async () => {
    const errors = validateIssueForm(
      { ...VALID, verificationMethod: '', ticket: ' ', reason: '' },
      POLICY,
      NOW,
    );
    expect(Object.keys(errors).sort()).toEqual(['reason', 'ticket', 'verificationMethod']);
  });

  it('states the allowed lifetime range', async () => {
    const lifetime = validateIssueForm({ ...VALID, lifetime: '481' }, POLICY, NOW).lifetime;
    expect(lifetime && wordsOf(lifetime)).toBe(
      "Enter whole minutes from 60 to 480 (the tenant's policy).",
    );
    expect(lifetime && wordsOf(lifetime, 'de')).toBe(
      'Geben Sie ganze Minuten von 60 bis 480 ein (Richtlinie des Mandanten).',
    );
    expect(validateIssueForm({ ...VALID, lifetime: '90.5' }, POLICY, NOW).lifetime).toBeDefined();
  });

  it('refuses a start time in the past', async () => {
    expect(
      validateIssueForm({ ...VALID, startMode: 'later', start: '2026-11-26T11:00' }, POLICY, NOW)
        .start,
    ).toBeDefined();
  });
});

describe('the issue form', () => {
  async function renderForm(overrides: Partial<Parameters<typeof IssueTapForm>[0]> = {}) {
    const onSubmit = vi.fn();
    await renderWithHarness(
      <IssueTapForm
        userName="Ada"
        policy={POLICY}
        policyUnreadable={false}
        checks={[]}
        verificationMethods={['In person with photo ID']}
        busy={false}
        error={null}
        onSubmit={onSubmit}
        onCancel={() => {}}
        {...overrides}
      />,
    );
    return onSubmit;
  }

  it('will not issue while a stop check stands', async () => {
    await renderForm({
      checks: [
        {
          id: 'externalGuest',
          severity: 'stop',
          title: messageRef(checkWords, 'externalGuest.title'),
          detail: messageRef(checkWords, 'externalGuest.detail', { name: 'Siobhán' }),
        },
      ],
    });
    expect(screen.getByRole('button', { name: 'Issue pass' })).toBeDisabled();
  });

  it('keeps everything typed when it refuses, and issues once each warning is confirmed', async () => {
    const user = userEvent.setup();
    const onSubmit = await renderForm({
      checks: [
        {
          id: 'recentTap',
          severity: 'confirm',
          title: messageRef(checkWords, 'recentTap.title'),
          detail: messageRef(checkWords, 'recentTap.detail'),
        },
      ],
    });
    await user.click(screen.getByRole('combobox', { name: 'Verification method' }));
    await user.click(screen.getByRole('option', { name: 'In person with photo ID' }));
    await user.type(screen.getByLabelText(/Ticket reference/), 'INC42');
    await user.type(screen.getByLabelText(/Reason/), 'Lost phone');
    await user.click(screen.getByRole('button', { name: 'Issue pass' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('Confirm each warning above before issuing.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Ticket reference/)).toHaveValue('INC42');
    await user.click(screen.getByRole('checkbox', { name: 'I have taken this into account' }));
    await user.click(screen.getByRole('button', { name: 'Issue pass' }));
    expect(onSubmit).toHaveBeenCalledWith({
      verificationMethod: 'In person with photo ID',
      ticket: 'INC42',
      reason: 'Lost phone',
      lifetimeInMinutes: 60,
      isUsableOnce: false,
      startDateTime: undefined,
    });
  });
});
