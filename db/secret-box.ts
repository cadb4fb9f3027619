import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (PSP credentials, a first admin's temporary password): AES-256-GCM with a
 * 32-byte key from configuration. Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url parts); the
 * optional `context` (e.g. the agent id) is bound as additional data, so a value copied to
 * another record does not decrypt.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('the credentials key must be 32 bytes');
    this.key = key;
  }

  /** Reads a base64 (or base64url) key of exactly 32 bytes; throws a readable error otherwise. */
  static fromBase64(text: string): SecretBox {
    const key = parseKey(text);
    if (!key) throw new Error('CREDENTIALS_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)');
    return new SecretBox(key);
  }

  seal(plain: string, context = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const b = (x: Buffer) => x.toString('base64url');
    return `v1.${b(iv)}.${b(cipher.getAuthTag())}.${b(data)}`;
  }

  /** Throws if the value was altered, sealed with another key or for another context. */
  open(sealed: string, context = ''): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== 'v1') throw new Error('not a sealed value');
    const [iv, tag, data] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}

/** A 32-byte key from base64/base64url, or undefined. */
export function parseKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return undefined;
  const key = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : undefined;
}

/** A fresh key for `npm start` and the tests. */
export const newCredentialsKey = (): string => randomBytes(32).toString('base64');

/** A temporary password Keycloak's default policy accepts (upper, lower, digit, symbol; 16 chars). */
export function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '@#%+=!'];
  const all = sets.join('');
  const pick = (s: string) => s[randomBytes(1)[0] % s.length];
  const chars = [...sets.map(pick), ...Array.from({ length: 12 }, () => pick(all))];
  // Shuffle (Fisher–Yates) so the classes are not in a fixed place.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBytes(1)[0] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
