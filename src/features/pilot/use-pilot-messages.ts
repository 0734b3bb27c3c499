import { useMemo } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './messages';
import { stageLabel } from '../../lib/onboarding-stages';
import type { Stage, StalledReason } from './stages';

/** The pilot's messages, with a stage's and a reason to chase's names. */
export function usePilotMessages() {
  const words = useMessages(messages);
  return useMemo(
    () => ({
      ...words,
      stageLabel: (stage: Stage) =>
        stage === 'member' ? words.t('stage.member') : words.say(stageLabel(stage)),
      stalledLabel: (reason: StalledReason) => words.t(`stalled.${reason}`),
    }),
    [words],
  );
}
