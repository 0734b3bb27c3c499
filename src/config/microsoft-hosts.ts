/**
 * The hosts config.json may point TAP Desk at without saying more: Microsoft's own, in the global
 * cloud and the national clouds. Whoever can change config.json could otherwise send the helpdesk
 * to sign in on a look-alike page, send its Graph token elsewhere, or put a phishing link in the
 * QR code a caller scans. Any other host must be named, one by one, in allowNonMicrosoftHosts
 * (docs/configuration.md), and the app then says so on every page.
 *
 * Sources: Microsoft Entra "National clouds" (authentication endpoints; 21Vianet's is now
 * login.partner.microsoftonline.cn, the older login.chinacloudapi.cn still answers) and
 * "Microsoft Graph national cloud deployments" (Graph service roots).
 */
export const MICROSOFT_HOSTS = {
  authority: {
    hosts: [
      'login.microsoftonline.com',
      'login.microsoftonline.us',
      'login.partner.microsoftonline.cn',
      'login.chinacloudapi.cn',
    ],
  },
  graph: {
    hosts: [
      'graph.microsoft.com',
      'graph.microsoft.us',
      'dod-graph.microsoft.us',
      'microsoftgraph.chinacloudapi.cn',
    ],
  },
  registration: {
    hosts: ['aka.ms', 'mysignins.microsoft.com'],
  },
} as const satisfies Record<string, { hosts: readonly string[] }>;

export type HostRole = keyof typeof MICROSOFT_HOSTS;

/** True for one of Microsoft's hosts for `role`, on the https default port. */
export function isMicrosoftHost(url: URL, role: HostRole): boolean {
  return (
    url.port === '' && (MICROSOFT_HOSTS[role].hosts as readonly string[]).includes(url.hostname)
  );
}

/**
 * The demo's emulator: in OIDC mode (the emulator's; Entra is "AAD") the browser's own machine,
 * localhost, may serve sign-in and Graph. Nobody else's server can answer there.
 */
export function isDemoHost(url: URL, protocolMode: string): boolean {
  return protocolMode === 'OIDC' && url.hostname === 'localhost';
}
