import { randomBytes, randomUUID } from 'node:crypto';

const MINUTE = 60_000;
export const CODE_LIFETIME_MS = 10 * MINUTE;
/** SPA refresh tokens and sessions live 24 hours and are never extended. */
export const SPA_SESSION_MS = 24 * 60 * MINUTE;
/** A rotated refresh token still works this long, for a second tab racing the first. */
export const ROTATION_GRACE_MS = MINUTE;

export interface AuthCode {
  userId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  nonce: string | undefined;
  issuedAt: number;
  redeemed: boolean;
}

export interface RefreshGrant {
  userId: string;
  clientId: string;
  scope: string;
  /** When the interactive sign-in happened: the 24-hour clock starts here. */
  signedInAt: number;
  issuedAt: number;
  epoch: number;
  rotatedAt: number | null;
}

export interface SsoSession {
  userId: string;
  createdAt: number;
  epoch: number;
}

/** Server-side identity state; it survives a tenant reset (user ids are stable). */
export class IdentityStore {
  readonly codes = new Map<string, AuthCode>();
  readonly refreshTokens = new Map<string, RefreshGrant>();
  readonly sessions = new Map<string, SsoSession>();
  /** Access token `uti` -> the expiry epoch it was issued in. */
  private readonly accessTokens = new Map<string, number>();
  /** Bumped by /emulator/sessions/revoke: older refresh tokens and sessions are refused. */
  sessionEpoch = 0;
  /** Bumped by /emulator/tokens/expire: older access tokens count as expired. */
  private accessEpoch = 0;

  newCode(code: Omit<AuthCode, 'issuedAt' | 'redeemed'>, now: number): string {
    for (const [key, old] of this.codes) {
      if (now - old.issuedAt > CODE_LIFETIME_MS) this.codes.delete(key);
    }
    const value = opaque();
    this.codes.set(value, { ...code, issuedAt: now, redeemed: false });
    return value;
  }

  newRefreshToken(grant: Omit<RefreshGrant, 'epoch' | 'rotatedAt' | 'issuedAt'>, now: number) {
    const value = opaque();
    this.refreshTokens.set(value, {
      ...grant,
      issuedAt: now,
      epoch: this.sessionEpoch,
      rotatedAt: null,
    });
    return value;
  }

  newSession(userId: string, now: number): string {
    const id = randomUUID();
    this.sessions.set(id, { userId, createdAt: now, epoch: this.sessionEpoch });
    return id;
  }

  liveSession(id: string | undefined, now: number): SsoSession | undefined {
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (!session) return undefined;
    const live = session.epoch === this.sessionEpoch && now - session.createdAt < SPA_SESSION_MS;
    return live ? session : undefined;
  }

  newAccessTokenId(): string {
    const uti = opaque().slice(0, 22);
    this.accessTokens.set(uti, this.accessEpoch);
    return uti;
  }

  isAccessTokenExpired(uti: unknown): boolean {
    return typeof uti !== 'string' || this.accessTokens.get(uti) !== this.accessEpoch;
  }

  expireAccessTokens(): void {
    this.accessEpoch++;
  }

  revokeSessions(): void {
    this.sessionEpoch++;
  }
}

function opaque(): string {
  return randomBytes(32).toString('base64url');
}
