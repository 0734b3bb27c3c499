import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HandoverView, type Handover } from './handover-view';
import { renderWithHarness } from '../../testing/harness';

const VALUE = 'Gg7+&=xQ';

function handover(overrides: Partial<Handover['tap']> = {}): Handover {
  return {
    secret: { value: VALUE },
    userName: "Siobhán O'Brien",
    userPrincipalName: 'siobhan.obrien@contoso.com',
    tap: {
      id: 'tap-1',
      createdDateTime: new Date().toISOString(),
      startDateTime: new Date().toISOString(),
      lifetimeInMinutes: 60,
      isUsableOnce: false,
      isUsable: true,
      temporaryAccessPass: null,
      ...overrides,
    },
  };
}

function renderView(props: Partial<Parameters<typeof HandoverView>[0]> = {}) {
  return renderWithHarness(
    <HandoverView
      handover={handover()}
      stage="tapIssued"
      hideAfterSeconds={30}
      registrationUrl="https://aka.ms/mysecurityinfo"
      recordNotice={null}
      onDeleteTap={null}
      onClose={() => {}}
      {...props}
    />,
  );
}

class FakeUtterance {
  voice: unknown = null;
  lang = '';
  rate = 1;
  constructor(readonly text: string) {}
}

function installSpeech(voices: { name: string; lang: string; localService: boolean }[]) {
  const spoken: FakeUtterance[] = [];
  const synth = {
    getVoices: () => voices,
    speak: (utterance: FakeUtterance) => spoken.push(utterance),
    cancel: vi.fn(),
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  vi.stubGlobal('speechSynthesis', synth);
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  return { spoken, synth };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the handover view', () => {
  it('spells every character with its kind and spoken form, in groups of four', async () => {
    installSpeech([]);
    await renderView();
    const groups = within(screen.getByRole('list', { name: 'The pass, in groups of four' }));
    expect(groups.getByRole('listitem', { name: 'Group 1 of 2' })).toHaveTextContent(
      /G.*capital Golf.*g.*lower golf.*7.*digit seven.*\+.*plus/,
    );
    expect(groups.getByRole('listitem', { name: 'Group 2 of 2' })).toHaveTextContent(
      /&.*ampersand.*=.*equals.*x.*lower x-ray.*Q.*capital Quebec/,
    );
  });

  it('hides the pass by itself, and Reveal brings it back while it is valid', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    installSpeech([]);
    await renderView({ hideAfterSeconds: 10 });
    expect(
      screen
        .getAllByTestId('pass-char-value')
        .map((el) => el.textContent)
        .join(''),
    ).toBe(VALUE);
    await act(async () => {
      vi.advanceTimersByTime(11_000);
    });
    expect(screen.queryAllByTestId('pass-char-value')).toHaveLength(0);
    expect(document.body.textContent).not.toContain('capital Golf');
    await userEvent
      .setup({ advanceTimers: vi.advanceTimersByTime })
      .click(screen.getByRole('button', { name: 'Reveal the pass' }));
    expect(screen.getAllByTestId('pass-char-value')).toHaveLength(VALUE.length);
  });

  it('cannot reveal an expired pass', async () => {
    installSpeech([]);
    await renderView({
      handover: handover({ startDateTime: new Date(Date.now() - 2 * 3600_000).toISOString() }),
    });
    expect(screen.queryAllByTestId('pass-char-value')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Reveal the pass' })).toBeDisabled();
    expect(screen.getByText('Expired')).toBeInTheDocument();
  });

  it('reads one group at a time, and only with a voice that runs on the device', async () => {
    const { spoken } = installSpeech([
      { name: 'Cloud Voice', lang: 'en-US', localService: false },
      { name: 'Local Voice', lang: 'en-GB', localService: true },
    ]);
    await renderView();
    const user = userEvent.setup();
    expect(screen.getByRole('combobox', { name: 'On-device voice' })).toHaveTextContent(
      'Local Voice (en-GB)',
    );
    await user.click(screen.getByRole('button', { name: 'Read group 1' }));
    expect(spoken).toHaveLength(1);
    expect(spoken[0]?.text).toBe('Group 1. capital Golf. lower golf. digit seven. plus.');
    expect(spoken[0]?.voice).toMatchObject({ name: 'Local Voice' });
    await user.click(screen.getByRole('button', { name: 'Read group 2' }));
    expect(spoken[1]?.text).toMatch(/^Group 2\. ampersand/);
  });

  it('never falls back to an online voice', async () => {
    const { spoken } = installSpeech([{ name: 'Cloud Voice', lang: 'en-US', localService: false }]);
    await renderView();
    expect(screen.getByText(/No on-device voice is available/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Read group/ })).not.toBeInTheDocument();
    expect(spoken).toHaveLength(0);
  });

  it('copies exactly the pass', async () => {
    installSpeech([]);
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await renderView();
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(VALUE);
    expect(
      await screen.findByText(/^Copied\. TAP Desk empties the clipboard in 30 s/),
    ).toBeInTheDocument();
  });

  describe('the clipboard and the other places a pass could linger', () => {
    afterEach(() => vi.useRealTimers());

    async function copied(props: Partial<Parameters<typeof HandoverView>[0]> = {}) {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      installSpeech([]);
      const writeText = vi.spyOn(navigator.clipboard, 'writeText');
      const view = await renderView(props);
      await userEvent
        .setup({ advanceTimers: vi.advanceTimersByTime })
        .click(screen.getByRole('button', { name: 'Copy' }));
      expect(writeText).toHaveBeenLastCalledWith(VALUE);
      return { view, writeText };
    }

    it('empties the clipboard after the configured delay', async () => {
      const { writeText } = await copied({ clipboardClearSeconds: 5, hideAfterSeconds: 60 });
      await act(async () => {
        vi.advanceTimersByTime(3_000);
      });
      expect(writeText).toHaveBeenLastCalledWith(VALUE);
      await act(async () => {
        vi.advanceTimersByTime(3_000);
      });
      expect(writeText).toHaveBeenLastCalledWith('');
      expect(screen.getByText('The clipboard has been emptied.')).toBeInTheDocument();
    });

    it('empties the clipboard when the pass hides, and will not copy a hidden pass', async () => {
      const { writeText } = await copied({ clipboardClearSeconds: 600, hideAfterSeconds: 10 });
      await act(async () => {
        vi.advanceTimersByTime(11_000);
      });
      expect(writeText).toHaveBeenLastCalledWith('');
      expect(screen.getByRole('button', { name: 'Copy' })).toBeDisabled();
    });

    it('empties the clipboard when the handover closes', async () => {
      const { view, writeText } = await copied({ clipboardClearSeconds: 600 });
      view.unmount();
      expect(writeText).toHaveBeenLastCalledWith('');
    });

    it('hides the pass when the tab is hidden', async () => {
      installSpeech([]);
      await renderView();
      expect(screen.getAllByTestId('pass-char-value')).toHaveLength(VALUE.length);
      const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
      await act(async () => {
        document.dispatchEvent(new Event('visibilitychange'));
      });
      visibility.mockRestore();
      expect(screen.queryAllByTestId('pass-char-value')).toHaveLength(0);
      expect(screen.getByRole('button', { name: 'Copy' })).toBeDisabled();
    });

    it('hides a pass that was deleted or replaced elsewhere and says so', async () => {
      installSpeech([]);
      await renderView({ superseded: true });
      expect(screen.queryAllByTestId('pass-char-value')).toHaveLength(0);
      expect(screen.getByRole('alert')).toHaveTextContent('This pass no longer exists');
      expect(screen.getByRole('button', { name: 'Reveal the pass' })).toBeDisabled();
      expect(screen.getByRole('button', { name: 'Copy' })).toBeDisabled();
    });
  });

  it('stops speaking when it closes', async () => {
    const { synth } = installSpeech([{ name: 'Local Voice', lang: 'en-GB', localService: true }]);
    const view = await renderView();
    view.unmount();
    expect(synth.cancel).toHaveBeenCalled();
  });

  it('says the step people miss, and the ten minutes of a one-time pass', async () => {
    installSpeech([]);
    await renderView({ handover: handover({ isUsableOnce: true }) });
    expect(screen.getByText(/choose Enable phone sign-in/)).toBeInTheDocument();
    expect(screen.getByText(/10 minutes to complete setup/)).toBeInTheDocument();
  });
});

describe('the passkey goal', () => {
  it('reads out the passkey steps, with where iOS and Android differ, and points the QR code at Authenticator', async () => {
    installSpeech([]);
    await renderView({ goal: 'passkey', onGoalChange: () => {} });
    const script = screen.getByTestId('handover-script');
    expect(script).toHaveAttribute('data-goal', 'passkey');
    expect(script).toHaveTextContent(/Install Microsoft Authenticator/);
    expect(script).toHaveTextContent(/Work or school account/);
    expect(script).toHaveTextContent(/enter the Temporary Access Pass/);
    expect(script).toHaveTextContent(/create the passkey/);
    expect(script).toHaveTextContent(/iPhone:.*Android:/);
    expect(screen.getByRole('radio', { name: /Passkey in Authenticator/ })).toBeChecked();
  });

  it('lets the agent switch the goal to phone sign-in', async () => {
    installSpeech([]);
    const onGoalChange = vi.fn();
    await renderView({ goal: 'passkey', onGoalChange });
    await userEvent.click(screen.getByRole('radio', { name: 'Phone sign-in' }));
    expect(onGoalChange).toHaveBeenCalledWith('phoneSignIn');
  });

  it('shows the passkey goal met and offers to delete a multi-use pass', async () => {
    installSpeech([]);
    const onDeleteTap = vi.fn();
    await renderView({ goal: 'passkey', stage: 'passkeyRegistered', onDeleteTap });
    expect(screen.getByTestId('goal-met')).toHaveTextContent(
      'A passkey in Authenticator is registered',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete the pass' }));
    expect(onDeleteTap).toHaveBeenCalled();
  });

  it('recognises the other outcome', async () => {
    installSpeech([]);
    await renderView({ goal: 'phoneSignIn', stage: 'passkeyRegistered' });
    expect(screen.getByTestId('goal-met')).toHaveTextContent(
      'A passkey was created instead of phone sign-in',
    );
    expect(screen.getByTestId('onboarding-stage')).toHaveTextContent(
      'a passkey was created instead of phone sign-in',
    );
  });
});
