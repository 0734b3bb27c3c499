import { screen } from '@testing-library/react';
import { renderWithHarness } from '../../testing/harness';
import { OnboardingStepper } from './onboarding-stepper';

describe('the onboarding stepper', () => {
  it('says how often it checks while the shared Graph limit holds it back, counted in German', async () => {
    const many = await renderWithHarness(
      <OnboardingStepper stage="tapUsed" goal="passkey" sharedLimitSeconds={30} />,
      { locale: 'de' },
    );
    expect(screen.getByTestId('live-pace')).toHaveTextContent(
      'Prüfung alle 30 Sekunden (gemeinsames Graph-Limit)',
    );
    many.unmount();
    await renderWithHarness(
      <OnboardingStepper stage="tapUsed" goal="passkey" sharedLimitSeconds={1} />,
      { locale: 'de' },
    );
    expect(screen.getByTestId('live-pace')).toHaveTextContent(
      'Prüfung jede Sekunde (gemeinsames Graph-Limit)',
    );
  });

  it('names the end state the caller reached when it is not the goal', async () => {
    await renderWithHarness(
      <OnboardingStepper stage="passkeyRegistered" goal="phoneSignIn" sharedLimitSeconds={5} />,
    );
    expect(screen.getByTestId('onboarding-stage')).toHaveTextContent(
      'Current stage: Passkey in Authenticator registered (a passkey was created instead of phone sign-in)',
    );
    expect(screen.getByTestId('live-pace')).toHaveTextContent(
      'Checking every 5 s (shared Graph limit)',
    );
  });
});
