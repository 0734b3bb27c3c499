import { Step, StepLabel, Stepper, Typography } from '@mui/material';
import type { OnboardingStage } from '../../graph/authentication-methods';
import { STAGE_LABELS } from './stage-labels';

const STEPS: { stage: OnboardingStage; label: string }[] = [
  { stage: 'tapIssued', label: 'TAP issued' },
  { stage: 'tapUsed', label: 'TAP used' },
  { stage: 'authenticatorRegistered', label: 'Authenticator registered' },
  { stage: 'phoneSignInEnabled', label: 'Phone sign-in enabled' },
];

const ORDER: OnboardingStage[] = ['notStarted', ...STEPS.map((step) => step.stage)];

/** TAP issued → TAP used → Authenticator registered → phone sign-in enabled, announced as it moves. */
export function OnboardingStepper(props: { stage: OnboardingStage }) {
  const reached = ORDER.indexOf(props.stage);
  return (
    <section aria-labelledby="onboarding-progress">
      <Typography id="onboarding-progress" variant="h6" component="h2" gutterBottom>
        Progress to passwordless
      </Typography>
      <Stepper activeStep={reached} alternativeLabel>
        {STEPS.map((step, index) => (
          <Step key={step.stage} completed={index + 1 <= reached}>
            <StepLabel>
              {step.label}
              <Typography component="span" sx={{ position: 'absolute', left: -9999 }}>
                {index + 1 <= reached ? ' (done)' : ' (not yet)'}
              </Typography>
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      <Typography role="status" aria-live="polite" data-testid="onboarding-stage" sx={{ mt: 1 }}>
        Current stage: {STAGE_LABELS[props.stage]}
      </Typography>
    </section>
  );
}
