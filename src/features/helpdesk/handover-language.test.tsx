import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithHarness } from '../../testing/harness';
import { HandoverView, type Handover } from './handover-view';
import { SPELLING_LANGUAGE_KEY } from './use-spelling-language';

const VALUE = 'Ab7+';

function handover(): Handover {
  const now = new Date().toISOString();
  return {
    secret: { value: VALUE },
    userName: 'Jürgen Weiß',
    userPrincipalName: 'juergen.weiss@contoso.com',
    tap: { id: 'tap-1', createdDateTime: now, startDateTime: now, lifetimeInMinutes: 60 },
  };
}

function renderView(spellingLanguage?: string) {
  return renderWithHarness(
    <HandoverView
      handover={handover()}
      stage="tapIssued"
      hideAfterSeconds={30}
      registrationUrl="https://aka.ms/mysecurityinfo"
      recordNotice={null}
      spellingLanguage={spellingLanguage}
      onDeleteTap={null}
      onClose={() => {}}
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
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => voices,
    speak: (utterance: FakeUtterance) => spoken.push(utterance),
    cancel: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
  });
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
  return spoken;
}

function spokenForms(): string[] {
  return screen.getAllByTestId('pass-char-spoken').map((element) => element.textContent ?? '');
}

beforeEach(() => localStorage.removeItem(SPELLING_LANGUAGE_KEY));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.removeItem(SPELLING_LANGUAGE_KEY);
});

describe("the caller's spelling language", () => {
  it('follows the browser when nothing is configured or remembered', async () => {
    installSpeech([]);
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE', 'en']);
    await renderView();
    expect(screen.getByRole('combobox', { name: "Caller's language" })).toHaveTextContent(
      'Deutsch (DIN 5009:2022)',
    );
    expect(spokenForms()).toEqual(['groß Aachen', 'klein berlin', 'Ziffer sieben', 'Plus']);
    expect(screen.getAllByTestId('pass-char-spoken')[0]).toHaveAttribute('lang', 'de');
  });

  it('takes the configured language over the browser, and remembers what the agent picks', async () => {
    installSpeech([]);
    const user = userEvent.setup();
    const { unmount } = await renderView('fr-FR');
    expect(spokenForms()).toEqual([
      'majuscule Anatole',
      'minuscule berthe',
      'chiffre sept',
      'plus',
    ]);
    await user.click(screen.getByRole('combobox', { name: "Caller's language" }));
    await user.click(screen.getByRole('option', { name: /Español/ }));
    expect(spokenForms()).toEqual([
      'mayúscula Antonio',
      'minúscula barcelona',
      'número siete',
      'más',
    ]);
    expect(localStorage.getItem(SPELLING_LANGUAGE_KEY)).toBe('es');
    expect(JSON.stringify({ ...localStorage })).not.toContain(VALUE);
    unmount();
    await renderView('fr-FR');
    expect(spokenForms()[0]).toBe('mayúscula Antonio');
  });

  it("reads with an on-device voice of the caller's language, in that language", async () => {
    const spoken = installSpeech([
      { name: 'English Local', lang: 'en-GB', localService: true },
      { name: 'German Cloud', lang: 'de-DE', localService: false },
      { name: 'German Local', lang: 'de_DE', localService: true },
    ]);
    await renderView('de');
    expect(screen.getByRole('combobox', { name: 'On-device voice' })).toHaveTextContent(
      'German Local',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Read group 1' }));
    expect(spoken[0]?.text).toBe('Gruppe 1. groß Aachen. klein berlin. Ziffer sieben. Plus.');
    expect(spoken[0]?.voice).toMatchObject({ name: 'German Local' });
  });

  it('says so when only other languages or online voices exist, and reads nothing', async () => {
    const spoken = installSpeech([
      { name: 'English Local', lang: 'en-US', localService: true },
      { name: 'Italian Cloud', lang: 'it-IT', localService: false },
    ]);
    await renderView('it');
    const panel = screen.getByRole('heading', { name: 'Read it aloud' }).closest('section')!;
    expect(within(panel).getByText(/No on-device voice is available for/)).toHaveTextContent(
      'No on-device voice is available for Italiano in this browser',
    );
    expect(screen.queryByRole('button', { name: /Read group/ })).not.toBeInTheDocument();
    expect(spoken).toHaveLength(0);
  });
});
