import { Alert, AlertTitle, type SxProps, type Theme } from '@mui/material';
import { useMessages } from '../i18n/use-messages';
import { useRuntimeConfig } from './config-context';
import { messages } from './messages';

const FIELD_ROLES = {
  'auth.authority': 'role.auth.authority',
  'graph.baseUrl': 'role.graph.baseUrl',
  registrationUrl: 'role.registrationUrl',
} as const;

const isKnownField = (field: string): field is keyof typeof FIELD_ROLES =>
  Object.hasOwn(FIELD_ROLES, field);

/**
 * Says, before anyone signs in and on every page after, that config.json sends TAP Desk to hosts
 * that are not Microsoft's (allowNonMicrosoftHosts), and which: the override is legitimate for an
 * organisation's own sign-in proxy, and it is exactly what someone who tampered with config.json
 * would use, so it is never silent. Nothing shows without the override.
 */
export function NonMicrosoftHostsNotice(props: { sx?: SxProps<Theme> }) {
  const { t, rich, intl } = useMessages(messages);
  const { nonMicrosoftHosts } = useRuntimeConfig();
  if (nonMicrosoftHosts.length === 0) return null;
  const hosts = nonMicrosoftHosts.map(({ host, fields }) =>
    t('hosts.host', {
      host,
      roles: intl.formatList(
        fields.map((field) => (isKnownField(field) ? t(FIELD_ROLES[field]) : field)),
        { type: 'unit' },
      ),
    }),
  );
  return (
    <Alert
      severity="warning"
      variant="outlined"
      // A standing notice on every page, not news: announced when reached, not on each render.
      role="note"
      aria-label={t('hosts.label')}
      sx={props.sx}
    >
      <AlertTitle>{t('hosts.title')}</AlertTitle>
      {rich('hosts.body', {
        hosts: hosts.join('; '),
        code: (chunks) => <code>{chunks}</code>,
      })}
    </Alert>
  );
}
