import { messageRef, type MessageRef } from '../i18n/catalog';
import { messages } from './messages';

/**
 * The way to passwordless, in order (decisions 0006 and 0011), and how each stage reads: the one
 * list the help desk and the pilot dashboard share. The last two are alternative end states,
 * each past every earlier stage. The emulator keeps its own copy on purpose
 * (emulator/pilot-truth.ts), an independent ground truth the tests compare the app against.
 */
export const ONBOARDING_STAGES = [
  'notStarted',
  'tapIssued',
  'tapUsed',
  'authenticatorRegistered',
  'phoneSignInEnabled',
  'passkeyRegistered',
] as const;
export type OnboardingStage = (typeof ONBOARDING_STAGES)[number];

export const END_STAGES: readonly OnboardingStage[] = ['phoneSignInEnabled', 'passkeyRegistered'];

/** A stage's name in the person's language (catalog `stages`). */
export function stageLabel(stage: OnboardingStage): MessageRef {
  return messageRef(messages, stage);
}
