import { describe, expect, it } from 'vitest';
import { classifyEvent } from './classify-events';
import { at, event, JO } from '../../testing/fixtures/audit-log';

describe('classifyEvent', () => {
  it('recognises TAP creation, deletion and Authenticator registration, and nothing else', () => {
    expect(classifyEvent(event('created', JO, at(1)))?.kind).toBe('tapCreated');
    expect(classifyEvent(event('deleted', JO, at(1)))?.kind).toBe('tapDeleted');
    expect(classifyEvent(event('authenticator', JO, at(1)))?.kind).toBe('authenticatorRegistered');
    expect(classifyEvent(event('phone', JO, at(1)))).toBeNull();
  });

  it('recognises a passkey registration by a reason that mentions FIDO2 or passkey, in any wording', () => {
    const registered = (resultReason: string) =>
      classifyEvent(event('authenticator', JO, at(1), { resultReason }))?.kind;
    // The wording the emulator writes, after Microsoft's audit log.
    expect(registered('User registered Fido2 Authentication Method')).toBe('passkeyRegistered');
    expect(registered('user registered FIDO2 security key')).toBe('passkeyRegistered');
    expect(registered('User registered a passkey in Microsoft Authenticator')).toBe(
      'passkeyRegistered',
    );
    expect(registered('User registered Authenticator App with Notification and Code')).toBe(
      'authenticatorRegistered',
    );
    // The activity decides as much as the reason: an admin registering one is not the person's act.
    expect(
      classifyEvent(
        event('phone', JO, at(1), { resultReason: 'Admin registered Fido2 Authentication Method' }),
      ),
    ).toBeNull();
  });

  it('recognises a passkey deletion, by an admin or by the person', () => {
    const adminDeleted = event('deleted', JO, at(1), {
      resultReason: 'Admin deleted Fido2 Authentication Method for user',
    });
    const userDeleted = event('authenticator', JO, at(1), {
      activityDisplayName: 'User deleted security info',
      resultReason: 'User deleted a passkey',
    });
    const userDeletedPhone = event('authenticator', JO, at(1), {
      activityDisplayName: 'User deleted security info',
      resultReason: 'User deleted phone method',
    });
    expect(classifyEvent(adminDeleted)?.kind).toBe('passkeyDeleted');
    expect(classifyEvent(userDeleted)?.kind).toBe('passkeyDeleted');
    expect(classifyEvent(userDeletedPhone)).toBeNull();
  });

  it('reads who acted, on whom, and any method id the event names', () => {
    const classified = classifyEvent(
      event('created', JO, at(1), {
        initiatedBy: {
          user: { id: 'g', displayName: 'Gail Global', userPrincipalName: 'gail@contoso.com' },
          app: { appId: 'c44b4083', displayName: 'Azure Portal' },
        },
        targetResources: [
          {
            id: JO.id,
            type: 'User',
            userPrincipalName: JO.upn,
            modifiedProperties: [
              {
                displayName: 'StrongAuthenticationMethod',
                oldValue: null,
                newValue: '[{"Id":"0B6E2D41-3C11-4D4E-9F0A-7E2C5B8D9A10"}]',
              },
            ],
          },
        ],
      }),
    );
    expect(classified?.actor).toEqual({
      userId: 'g',
      userName: 'Gail Global',
      userUpn: 'gail@contoso.com',
      appId: 'c44b4083',
      appName: 'Azure Portal',
    });
    expect(classified?.target).toEqual({ id: JO.id, displayName: undefined, upn: JO.upn });
    expect(classified?.methodIds).toEqual(['0b6e2d41-3c11-4d4e-9f0a-7e2c5b8d9a10']);
  });
});
