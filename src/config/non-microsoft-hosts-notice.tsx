import { Alert, AlertTitle, type SxProps, type Theme } from '@mui/material';
import { useRuntimeConfig } from './config-context';

const FIELD_ROLES: Record<string, string> = {
  'auth.authority': 'sign-in',
  'graph.baseUrl': 'directory data (Microsoft Graph)',
  registrationUrl: 'the registration link and QR code',
};

/**
 * Says, before anyone signs in and on every page after, that config.json sends TAP Desk to hosts
 * that are not Microsoft's (allowNonMicrosoftHosts), and which: the override is legitimate for an
 * organisation's own sign-in proxy, and it is exactly what someone who tampered with config.json
 * would use, so it is never silent. Nothing shows without the override.
 */
export function NonMicrosoftHostsNotice(props: { sx?: SxProps<Theme> }) {
  const { nonMicrosoftHosts } = useRuntimeConfig();
  if (nonMicrosoftHosts.length === 0) return null;
  return (
    <Alert
      severity="warning"
      variant="outlined"
      // A standing notice on every page, not news: announced when reached, not on each render.
      role="note"
      aria-label="Hosts that are not Microsoft's"
      sx={props.sx}
    >
      <AlertTitle>This TAP Desk uses hosts that are not Microsoft&apos;s</AlertTitle>
      Its config.json names them in <code>allowNonMicrosoftHosts</code>:{' '}
      {nonMicrosoftHosts
        .map(
          ({ host, fields }) =>
            `${host} (${fields.map((field) => FIELD_ROLES[field] ?? field).join(', ')})`,
        )
        .join('; ')}
      . If your organisation did not set this up, do not sign in: tell whoever runs TAP Desk.
    </Alert>
  );
}
