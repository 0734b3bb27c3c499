import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';

export interface Signer {
  jwks: { keys: JWK[] };
  sign(claims: JWTPayload): Promise<string>;
  verify(token: string, options: { issuer: string; audience: string[] }): Promise<JWTPayload>;
}

/** An RS256 key pair made at start: tokens die with the process, as a rotated key would. */
export async function createSigner(): Promise<Signer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return {
    jwks: { keys: [jwk] },
    sign: (claims) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(privateKey),
    verify: async (token, { issuer, audience }) =>
      (await jwtVerify(token, publicKey, { issuer, audience, algorithms: ['RS256'] })).payload,
  };
}
