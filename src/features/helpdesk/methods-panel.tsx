import { Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { SectionPanel } from '../../components/section-panel';
import {
  describePasskey,
  isPasswordlessEnabled,
  type AuthenticationMethod,
  type AuthenticatorMethod,
  type Fido2Method,
} from '../../graph/authentication-methods';
import { useMessages, type Messages } from '../../i18n/use-messages';
import { messages } from './messages';

type Key = keyof typeof messages.messages.en;

const METHOD_NAMES: Record<string, Key> = {
  '#microsoft.graph.passwordAuthenticationMethod': 'method.password',
  '#microsoft.graph.phoneAuthenticationMethod': 'method.phone',
  '#microsoft.graph.emailAuthenticationMethod': 'method.email',
  '#microsoft.graph.fido2AuthenticationMethod': 'method.fido2',
  '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod': 'method.windowsHello',
  '#microsoft.graph.softwareOathAuthenticationMethod': 'method.softwareOath',
  '#microsoft.graph.temporaryAccessPassAuthenticationMethod': 'method.tap',
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod': 'method.authenticator',
  '#microsoft.graph.platformCredentialAuthenticationMethod': 'method.platformCredential',
};

function describeMethod(t: Messages<Key>['t'], method: AuthenticationMethod): string {
  const type = String(method['@odata.type'] ?? '');
  if (type === '#microsoft.graph.fido2AuthenticationMethod') {
    const passkey = method as Fido2Method;
    const { platform } = describePasskey(passkey);
    const name = passkey.model?.trim() || passkey.displayName?.trim();
    if (platform) return t('method.passkeyAuthenticator', { platform });
    if (name) return t('method.passkeyNamed', { name });
    return t('method.passkeyAaguid', {
      aaGuid: passkey.aaGuid?.trim().toLowerCase() || t('methods.unknown'),
    });
  }
  const key = METHOD_NAMES[type];
  // A method type newer than this list is shown by Graph's own name for it.
  const name = key ? t(key) : type.replace('#microsoft.graph.', '') || 'Method';
  const detail = [method.phoneNumber, method.emailAddress, method.displayName, method.model].find(
    (value) => typeof value === 'string',
  );
  return detail ? t('methods.withDetail', { name, detail: String(detail) }) : name;
}

export function MethodsPanel(props: {
  authenticators: AuthenticatorMethod[] | undefined;
  others: AuthenticationMethod[] | undefined;
}) {
  const { t, intl } = useMessages(messages);
  const others = props.others ?? [];
  return (
    <SectionPanel title={t('methods.title')} sx={{ height: '100%' }}>
      {props.authenticators && props.authenticators.length === 0 ? (
        <Typography color="text.secondary">{t('methods.none')}</Typography>
      ) : (
        <List dense aria-label={t('methods.registrations')}>
          {(props.authenticators ?? []).map((method) => {
            const version = method.phoneAppVersion ?? t('methods.unknown');
            return (
              <ListItem key={method.id} disableGutters>
                <ListItemText
                  primary={method.displayName ?? t('methods.unnamed')}
                  secondary={
                    method.createdDateTime
                      ? t('methods.appVersionSince', {
                          version,
                          since: intl.formatDate(method.createdDateTime, {
                            dateStyle: 'medium',
                            timeStyle: 'short',
                          }),
                        })
                      : t('methods.appVersion', { version })
                  }
                />
                {isPasswordlessEnabled(method) ? (
                  <Chip color="success" label={t('methods.phoneOn')} />
                ) : (
                  // Not a warning colour: MUI's orange fails contrast, and with a passkey it is fine.
                  <Chip variant="outlined" label={t('methods.phoneOff')} />
                )}
              </ListItem>
            );
          })}
        </List>
      )}
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        {t('methods.others')}
      </Typography>
      {others.length === 0 ? (
        <Typography color="text.secondary">{t('methods.noOthers')}</Typography>
      ) : (
        <List dense aria-label={t('methods.others')}>
          {others.map((method) => (
            <ListItem key={method.id} disableGutters>
              <ListItemText primary={describeMethod(t, method)} />
            </ListItem>
          ))}
        </List>
      )}
    </SectionPanel>
  );
}
