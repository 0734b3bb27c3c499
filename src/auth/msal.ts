import {
  BrowserCacheLocation,
  PublicClientApplication,
  ProtocolMode,
  type Configuration,
  type IPublicClientApplication,
} from '@azure/msal-browser';
import type { RuntimeConfig } from '../config/runtime-config';
import type { AppRegistration } from './scopes';

/**
 * MSAL configuration from the runtime configuration; the same code serves Entra and the emulator.
 * Both app registrations share the authority, the redirect page and the session's cache; MSAL
 * keeps their tokens and interactions apart by client id.
 */
export function msalConfiguration(
  config: RuntimeConfig,
  app: AppRegistration = 'main',
): Configuration {
  return {
    auth: {
      clientId: app === 'main' ? config.auth.clientId : config.auth.reportsClientId,
      authority: config.auth.authority,
      knownAuthorities: config.auth.knownAuthorities,
      redirectUri: config.auth.redirectUri,
      postLogoutRedirectUri: config.auth.postLogoutRedirectUri,
    },
    cache: { cacheLocation: BrowserCacheLocation.SessionStorage },
    system: {
      protocolMode: config.auth.protocolMode === 'OIDC' ? ProtocolMode.OIDC : ProtocolMode.AAD,
    },
  };
}

/**
 * The app's handles on MSAL, opaque outside auth/: TAP Desk, which signs people in and holds the
 * helpdesk's tokens, and TAP Desk Reports, which holds the read-only pages' tokens (decision 0020).
 */
export type AuthClients = Record<AppRegistration, IPublicClientApplication>;

export function createMsalInstances(config: RuntimeConfig): AuthClients {
  return {
    main: new PublicClientApplication(msalConfiguration(config, 'main')),
    reports: new PublicClientApplication(msalConfiguration(config, 'reports')),
  };
}
