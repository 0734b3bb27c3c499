import { Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { SectionPanel } from '../../components/section-panel';
import {
  describePasskey,
  isPasswordlessEnabled,
  type AuthenticationMethod,
  type AuthenticatorMethod,
  type Fido2Method,
} from '../../graph/authentication-methods';

const METHOD_NAMES: Record<string, string> = {
  '#microsoft.graph.passwordAuthenticationMethod': 'Password',
  '#microsoft.graph.phoneAuthenticationMethod': 'Phone',
  '#microsoft.graph.emailAuthenticationMethod': 'Email',
  '#microsoft.graph.fido2AuthenticationMethod': 'FIDO2 security key or passkey',
  '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod': 'Windows Hello for Business',
  '#microsoft.graph.softwareOathAuthenticationMethod': 'Software OATH token',
  '#microsoft.graph.temporaryAccessPassAuthenticationMethod': 'Temporary Access Pass',
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod': 'Microsoft Authenticator',
  '#microsoft.graph.platformCredentialAuthenticationMethod': 'Platform credential',
};

function describeMethod(method: AuthenticationMethod): string {
  if (method['@odata.type'] === '#microsoft.graph.fido2AuthenticationMethod') {
    return describePasskey(method as Fido2Method).label;
  }
  const name =
    METHOD_NAMES[String(method['@odata.type'])] ??
    String(method['@odata.type'] ?? 'Method').replace('#microsoft.graph.', '');
  const detail = [method.phoneNumber, method.emailAddress, method.displayName, method.model].find(
    (value) => typeof value === 'string',
  );
  return detail ? `${name}: ${String(detail)}` : name;
}

export function MethodsPanel(props: {
  authenticators: AuthenticatorMethod[] | undefined;
  others: AuthenticationMethod[] | undefined;
}) {
  const others = props.others ?? [];
  return (
    <SectionPanel title="Microsoft Authenticator" sx={{ height: '100%' }}>
      {props.authenticators && props.authenticators.length === 0 ? (
        <Typography color="text.secondary">No Authenticator registered yet.</Typography>
      ) : (
        <List dense aria-label="Authenticator registrations">
          {(props.authenticators ?? []).map((method) => (
            <ListItem key={method.id} disableGutters>
              <ListItemText
                primary={method.displayName ?? 'Unnamed device'}
                secondary={`App version ${method.phoneAppVersion ?? 'unknown'}${method.createdDateTime ? ` · phone sign-in since ${new Date(method.createdDateTime).toLocaleString()}` : ''}`}
              />
              {isPasswordlessEnabled(method) ? (
                <Chip color="success" label="Phone sign-in on" />
              ) : (
                // Not a warning colour: MUI's orange fails contrast, and with a passkey it is fine.
                <Chip variant="outlined" label="Phone sign-in off" />
              )}
            </ListItem>
          ))}
        </List>
      )}
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        Other methods
      </Typography>
      {others.length === 0 ? (
        <Typography color="text.secondary">None.</Typography>
      ) : (
        <List dense aria-label="Other methods">
          {others.map((method) => (
            <ListItem key={method.id} disableGutters>
              <ListItemText primary={describeMethod(method)} />
            </ListItem>
          ))}
        </List>
      )}
    </SectionPanel>
  );
}
