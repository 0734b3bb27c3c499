import { Step, StepLabel, Stepper, Typography } from '@mui/material';
import {
  goalReached,
  type OnboardingStage,
  type PasswordlessGoal,
} from '../../graph/authentication-methods';
import { useMessages } from '../../i18n/use-messages';
import { END_STAGES, ONBOARDING_STAGES, stageLabel } from '../../lib/onboarding-stages';
import { messages } from './handover.messages';

const GOAL_STEPS: Record<PasswordlessGoal, OnboardingStage> = {
  passkey: 'passkeyRegistered',
  phoneSignIn: 'phoneSignInEnabled',
};

const ORDER = ONBOARDING_STAGES.filter((stage) => !END_STAGES.includes(stage));
const BEFORE_GOAL = ORDER.slice(1);

/** The hidden "(done)" follows the step's name, which a screen reader reads as one. */
const spaced = (text: string) => ` ${text}`;

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
  const { t, say } = useMessages(messages);
  const goal = props.goal ?? 'phoneSignIn';
  const reached = reachedIndex(props.stage);
  const outcome = goalReached(props.stage);
  const goalStep = GOAL_STEPS[outcome && outcome !== goal ? outcome : goal];
  const steps = [...BEFORE_GOAL, goalStep];
  const stage = say(stageLabel(props.stage));
  return (
    <section aria-labelledby="onboarding-progress">
      <Typography id="onboarding-progress" variant="h6" component="h2" gutterBottom>
        {t('stepper.title')}
      </Typography>
      <Stepper activeStep={reached} alternativeLabel>
        {steps.map((step, index) => (
          <Step key={index} completed={index + 1 <= reached}>
            <StepLabel>
              {say(stageLabel(step))}
              <Typography component="span" sx={{ position: 'absolute', left: -9999 }}>
                {spaced(t(index + 1 <= reached ? 'stepper.done' : 'stepper.notYet'))}
              </Typography>
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      <Typography role="status" aria-live="polite" data-testid="onboarding-stage" sx={{ mt: 1 }}>
        {outcome && outcome !== goal
          ? t('stepper.currentInstead', { stage, outcome })
          : t('stepper.current', { stage })}
      </Typography>
      {/* Always rendered, so a screen reader hears the change; it changes at most once a step. */}
      <Typography role="status" variant="body2" color="text.secondary" data-testid="live-pace">
        {props.sharedLimitSeconds ? t('stepper.pace', { seconds: props.sharedLimitSeconds }) : null}
      </Typography>
    </section>
  );
}
