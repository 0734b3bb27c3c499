import {
  BrowserCacheLocation,
  PublicClientApplication,
  ProtocolMode,
  type Configuration,
} from '@azure/msal-browser';
import type { RuntimeConfig } from '../config/runtime-config';

/** MSAL configuration from the runtime configuration; the same code serves Entra and the emulator. */
export function msalConfiguration(config: RuntimeConfig): Configuration {
  return {
    auth: {
      clientId: config.auth.clientId,
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

/** The app's handle on MSAL, opaque outside auth/. */
export type AuthClient = PublicClientApplication;

export function createMsalInstance(config: RuntimeConfig): AuthClient {
  return new PublicClientApplication(msalConfiguration(config));
}
