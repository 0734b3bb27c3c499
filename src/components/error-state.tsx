import { Alert, AlertTitle, Button, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { describeError, type ErrorContext, type ErrorDescription } from '../graph/describe-error';

/** A failure in the person's words, with what to do, and a retry when one makes sense. */
export function ErrorState(props: {
  error: unknown;
  context?: ErrorContext;
  /** A screen's own mapper, when it knows more about one call's answers than describeError. */
  describe?: (error: unknown, context?: ErrorContext) => ErrorDescription;
  onRetry?: () => void;
  /** Overrides the described title, when the screen knows more (e.g. what did succeed). */
  title?: string;
  retryLabel?: string;
  /** Anything the person should also know, under the action. */
  children?: ReactNode;
}) {
  const description = (props.describe ?? describeError)(props.error, props.context);
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        props.onRetry ? (
          <Button color="inherit" size="small" onClick={props.onRetry}>
            {props.retryLabel ?? 'Try again'}
          </Button>
        ) : undefined
      }
    >
      <AlertTitle>{props.title ?? description.title}</AlertTitle>
      <Stack spacing={0.5}>
        <Typography variant="body2">{description.detail}</Typography>
        <Typography variant="body2">{description.action}</Typography>
        {props.children ? <Typography variant="body2">{props.children}</Typography> : null}
        {description.reference ? (
          <Typography variant="caption">Reference for support: {description.reference}</Typography>
        ) : null}
      </Stack>
    </Alert>
  );
}
