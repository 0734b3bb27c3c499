import { Step, StepLabel, Stepper, Typography } from '@mui/material';
import {
  goalReached,
  type OnboardingStage,
  type PasswordlessGoal,
} from '../../graph/authentication-methods';
import { END_STAGES, ONBOARDING_STAGES, STAGE_LABELS } from '../../lib/onboarding-stages';

export const GOAL_LABELS: Record<PasswordlessGoal, string> = {
  passkey: 'Passkey in Authenticator',
  phoneSignIn: 'Phone sign-in',
};

const GOAL_STEPS: Record<PasswordlessGoal, string> = {
  passkey: STAGE_LABELS.passkeyRegistered,
  phoneSignIn: STAGE_LABELS.phoneSignInEnabled,
};

const ORDER = ONBOARDING_STAGES.filter((stage) => !END_STAGES.includes(stage));
const BEFORE_GOAL = ORDER.slice(1).map((stage) => ({ stage, label: STAGE_LABELS[stage] }));

/** Either end state completes the stepper; which one, the goal step and the note say. */
function reachedIndex(stage: OnboardingStage): number {
  return goalReached(stage) ? BEFORE_GOAL.length + 1 : ORDER.indexOf(stage);
}

/**
 * TAP issued → TAP used → Authenticator registered → the chosen goal (a passkey in
 * Authenticator, or phone sign-in), announced as it moves. When the caller reached the other end
 * state, it says so rather than leaving the goal open.
 */
export function OnboardingStepper(props: {
  stage: OnboardingStage;
  goal?: PasswordlessGoal;
  /** Seconds between live reads while Graph's shared limit holds them back; null when not. */
  sharedLimitSeconds?: number | null;
}) {
  const goal = props.goal ?? 'phoneSignIn';
  const reached = reachedIndex(props.stage);
  const outcome = goalReached(props.stage);
  const steps = [...BEFORE_GOAL, { stage: props.stage, label: GOAL_STEPS[goal] }];
  return (
    <section aria-labelledby="onboarding-progress">
      <Typography id="onboarding-progress" variant="h6" component="h2" gutterBottom>
        Progress to passwordless
      </Typography>
      <Stepper activeStep={reached} alternativeLabel>
        {steps.map((step, index) => (
          <Step key={step.label} completed={index + 1 <= reached}>
            <StepLabel>
              {index === BEFORE_GOAL.length && outcome && outcome !== goal
                ? GOAL_STEPS[outcome]
                : step.label}
              <Typography component="span" sx={{ position: 'absolute', left: -9999 }}>
                {index + 1 <= reached ? ' (done)' : ' (not yet)'}
              </Typography>
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      <Typography role="status" aria-live="polite" data-testid="onboarding-stage" sx={{ mt: 1 }}>
        Current stage: {STAGE_LABELS[props.stage]}
        {outcome && outcome !== goal
          ? outcome === 'passkey'
            ? ' (a passkey was created instead of phone sign-in)'
            : ' (phone sign-in was enabled instead of a passkey)'
          : ''}
      </Typography>
      {/* Always rendered, so a screen reader hears the change; it changes at most once a step. */}
      <Typography role="status" variant="body2" color="text.secondary" data-testid="live-pace">
        {props.sharedLimitSeconds
          ? `Checking every ${props.sharedLimitSeconds} s (shared Graph limit)`
          : null}
      </Typography>
    </section>
  );
}
