import { describe, expect, it } from 'vitest';
import {
  AUTHENTICATOR_PASSKEY_AAGUIDS,
  describePasskey,
  goalReached,
  onboardingStage,
  splitMethods,
  type AuthenticationMethod,
  type AuthenticatorMethod,
  type Fido2Method,
} from './authentication-methods';
import { describeRegisteredMethod, passwordlessGoalOf } from './registration-details';

const YUBIKEY = 'cb69481e-8ff7-4039-93ec-0a2729a154a8';
const passkey = (aaGuid: string, model: string | null = null): Fido2Method => ({
  id: aaGuid,
  aaGuid,
  model,
  displayName: model,
});
const phoneSignIn: AuthenticatorMethod = {
  id: 'a',
  displayName: 'iPhone',
  createdDateTime: '2026-11-29T10:00:00Z',
};
const pushOnly: AuthenticatorMethod = { id: 'b', displayName: 'iPhone', createdDateTime: null };

describe('describePasskey (AAGUIDs)', () => {
  it("counts only Authenticator's iOS and Android AAGUIDs as a passkey in Authenticator", () => {
    expect(describePasskey(passkey(AUTHENTICATOR_PASSKEY_AAGUIDS.ios))).toEqual({
      inAuthenticator: true,
      platform: 'iOS',
      label: 'Passkey in Microsoft Authenticator (iOS)',
    });
    expect(
      describePasskey(passkey(AUTHENTICATOR_PASSKEY_AAGUIDS.android.toUpperCase())),
    ).toMatchObject({ inAuthenticator: true, platform: 'Android' });
  });

  it('names security keys and Windows Hello but does not count them', () => {
    expect(describePasskey(passkey(YUBIKEY, 'YubiKey 5 NFC'))).toEqual({
      inAuthenticator: false,
      platform: null,
      label: 'Passkey or security key: YubiKey 5 NFC',
    });
  });

  it('shows an unknown AAGUID rather than dropping it', () => {
    const future = '00000000-1111-2222-3333-444444444444';
    expect(describePasskey(passkey(future)).label).toBe(
      `Passkey or security key (AAGUID ${future})`,
    );
    expect(describePasskey({ aaGuid: null, model: null, displayName: null }).label).toBe(
      'Passkey or security key (AAGUID unknown)',
    );
  });
});

describe('onboardingStage with passkeys', () => {
  it('ends in passkeyRegistered for a passkey in Authenticator, ahead of phone sign-in', () => {
    const ios = [passkey(AUTHENTICATOR_PASSKEY_AAGUIDS.ios)];
    expect(onboardingStage([], [pushOnly], ios)).toBe('passkeyRegistered');
    expect(onboardingStage([], [phoneSignIn], ios)).toBe('passkeyRegistered');
    expect(onboardingStage([], [phoneSignIn], [])).toBe('phoneSignInEnabled');
    expect(goalReached('passkeyRegistered')).toBe('passkey');
    expect(goalReached('phoneSignInEnabled')).toBe('phoneSignIn');
    expect(goalReached('authenticatorRegistered')).toBeNull();
  });

  it('does not count a security key as the passkey goal', () => {
    expect(onboardingStage([], [pushOnly], [passkey(YUBIKEY)])).toBe('authenticatorRegistered');
    expect(onboardingStage([], [], [passkey(YUBIKEY)])).toBe('notStarted');
  });

  it('splits FIDO2 methods out of one methods read and keeps them in the panel list', () => {
    const methods: AuthenticationMethod[] = [
      { '@odata.type': '#microsoft.graph.fido2AuthenticationMethod', id: 'f', aaGuid: YUBIKEY },
      { '@odata.type': '#microsoft.graph.passwordAuthenticationMethod', id: 'p' },
    ];
    const split = splitMethods(methods);
    expect(split.fido2.map((m) => m.id)).toEqual(['f']);
    expect(split.others.map((m) => m.id)).toEqual(['f', 'p']);
  });
});

describe('methodsRegistered values', () => {
  it.each([
    ['passKeyDeviceBoundAuthenticator', 'passkeyInAuthenticator'],
    ['microsoftAuthenticatorPasswordless', 'phoneSignIn'],
    ['passKeyDeviceBound', 'otherPasskey'],
    ['passKeySynced', 'otherPasskey'],
    ['fido2', 'otherPasskey'],
    ['passKeyDeviceBoundWindowsHello', 'windowsHello'],
    ['windowsHelloForBusiness', 'windowsHello'],
    ['microsoftAuthenticatorPush', null],
  ])('classifies %s as %s', (value, kind) => {
    expect(describeRegisteredMethod(value)).toMatchObject({
      value,
      known: true,
      passwordless: kind,
    });
  });

  it('shows an unknown future value as it came', () => {
    expect(describeRegisteredMethod('passKeyQuantum')).toEqual({
      value: 'passKeyQuantum',
      label: 'passKeyQuantum',
      known: false,
      passwordless: null,
    });
    expect(describeRegisteredMethod('toString').known).toBe(false);
  });

  it('names the goal a report row reached: passkey first, then phone sign-in', () => {
    expect(
      passwordlessGoalOf(['microsoftAuthenticatorPasswordless', 'passKeyDeviceBoundAuthenticator']),
    ).toBe('passkey');
    expect(
      passwordlessGoalOf(['microsoftAuthenticatorPush', 'microsoftAuthenticatorPasswordless']),
    ).toBe('phoneSignIn');
    expect(passwordlessGoalOf(['fido2', 'passKeySynced', 'unknownFutureValue'])).toBeNull();
    expect(passwordlessGoalOf(undefined)).toBeNull();
  });
});
