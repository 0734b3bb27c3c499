import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { describeErrorText, type ErrorText, type ErrorTextContext } from '../graph/describe-error';
import { useMessages } from '../i18n/use-messages';
import { messages } from './messages';

/** A failure in the person's words, with what to do, and a retry when one makes sense. */
export function ErrorState(props: {
  error: unknown;
  context?: ErrorTextContext;
  /** A screen's own mapper, when it knows more about one call's answers than describeErrorText. */
  describe?: (error: unknown, context?: ErrorTextContext) => ErrorText;
  onRetry?: () => void;
  /** Overrides the described title, when the screen knows more (e.g. what did succeed). */
  title?: string;
  retryLabel?: string;
  /** Anything the person should also know, under the action. */
  children?: ReactNode;
}) {
  const { t, say } = useMessages(messages);
  const description = (props.describe ?? describeErrorText)(props.error, props.context);
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        props.onRetry ? (
          <Button color="inherit" size="small" onClick={props.onRetry}>
            {props.retryLabel ?? t('tryAgain')}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{props.title ?? say(description.title)}</AlertTitle>
      <Stack spacing={0.5}>
        <Typography variant="body2">{say(description.detail)}</Typography>
        <Typography variant="body2">{say(description.action)}</Typography>
        {props.children ? <Typography variant="body2">{props.children}</Typography> : null}
        {description.reference ? (
          <Typography variant="caption">
            {t('supportReference', { reference: description.reference })}
          </Typography>
        ) : null}
      </Stack>
    </Alert>
  );
}
