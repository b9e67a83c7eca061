import { describe, expect, it } from 'vitest';
import { armor } from 'age-encryption';
import {
  AgeError,
  ageRecipientOf,
  decryptWithIdentity,
  encryptToRecipient,
  formatAgeIdentityFile,
  generateAgeKeyPair,
  isAgeIdentity,
  isAgeRecipient,
  looksLikeAgeCiphertext,
  parseAgeIdentityFile,
  type AgeErrorKind,
} from '../../../electron/core/exchange/age';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

async function kindOf(p: Promise<unknown>): Promise<AgeErrorKind | 'NO_ERROR' | 'OTHER'> {
  try {
    await p;
    return 'NO_ERROR';
  } catch (err) {
    return err instanceof AgeError ? err.kind : 'OTHER';
  }
}

describe('age keys', () => {
  it('generates an X25519 identity and its recipient', async () => {
    const pair = await generateAgeKeyPair();
    expect(isAgeIdentity(pair.identity)).toBe(true);
    expect(isAgeRecipient(pair.recipient)).toBe(true);
    expect(await ageRecipientOf(pair.identity)).toBe(pair.recipient);
  });

  it('refuses post-quantum, tag and garbled keys', async () => {
    const pair = await generateAgeKeyPair();
    expect(isAgeRecipient('age1pq1' + 'q'.repeat(60))).toBe(false);
    expect(isAgeRecipient('age1tag1' + 'q'.repeat(60))).toBe(false);
    expect(isAgeRecipient(pair.recipient.toUpperCase())).toBe(false);
    expect(isAgeIdentity(pair.identity.toLowerCase())).toBe(false);
    // Right shape, wrong checksum.
    const flipped = pair.recipient.slice(0, -1) + (pair.recipient.endsWith('q') ? 'p' : 'q');
    expect(await kindOf(encryptToRecipient(text('x'), flipped))).toBe('AGE_BAD_RECIPIENT');
    expect(await kindOf(encryptToRecipient(text('x'), 'ssh-ed25519 AAAA'))).toBe('AGE_BAD_RECIPIENT');
    const badId = pair.identity.slice(0, -1) + (pair.identity.endsWith('Q') ? 'P' : 'Q');
    expect(await kindOf(ageRecipientOf(badId))).toBe('AGE_BAD_IDENTITY');
    expect(await kindOf(decryptWithIdentity(text('x'), 'AGE-SECRET-KEY-PQ-1XYZ'))).toBe('AGE_BAD_IDENTITY');
  });

  it('writes and reads an age-keygen style identity file', async () => {
    const pair = await generateAgeKeyPair();
    const file = formatAgeIdentityFile(pair, new Date('2024-05-01T00:00:00Z'));
    expect(file).toBe(`# created: 2024-05-01T00:00:00.000Z\n# public key: ${pair.recipient}\n${pair.identity}\n`);
    expect(parseAgeIdentityFile(file)).toBe(pair.identity);
    expect(parseAgeIdentityFile(file.replace(/\n/g, '\r\n'))).toBe(pair.identity);
    expect(() => parseAgeIdentityFile('# only comments\n')).toThrow(AgeError);
  });
});

describe('encrypt / decrypt', () => {
  it('round trips empty, small and multi-chunk (> 64 KiB) payloads', async () => {
    const pair = await generateAgeKeyPair();
    for (const size of [0, 1, 65_536, 200_001]) {
      const plain = new Uint8Array(size).map((_, i) => (i * 31) % 256);
      const ct = await encryptToRecipient(plain, pair.recipient);
      expect(looksLikeAgeCiphertext(ct)).toBe(true);
      expect(Buffer.from(await decryptWithIdentity(ct, pair.identity)).equals(Buffer.from(plain))).toBe(true);
    }
  });

  it('encrypts with fresh randomness each time', async () => {
    const pair = await generateAgeKeyPair();
    const a = await encryptToRecipient(text('same'), pair.recipient);
    const b = await encryptToRecipient(text('same'), pair.recipient);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('decrypts the armored form', async () => {
    const pair = await generateAgeKeyPair();
    const ct = await encryptToRecipient(text('户主 张三'), pair.recipient);
    const armored = text(armor.encode(ct));
    expect(looksLikeAgeCiphertext(armored)).toBe(true);
    expect(Buffer.from(await decryptWithIdentity(armored, pair.identity)).toString()).toBe('户主 张三');
  });

  it('another identity → AGE_NOT_FOR_US', async () => {
    const pair = await generateAgeKeyPair();
    const other = await generateAgeKeyPair();
    const ct = await encryptToRecipient(text('x'), pair.recipient);
    expect(await kindOf(decryptWithIdentity(ct, other.identity))).toBe('AGE_NOT_FOR_US');
  });

  it('a changed or missing byte → AGE_DECRYPT_FAILED', async () => {
    const pair = await generateAgeKeyPair();
    const ct = await encryptToRecipient(new Uint8Array(100_000).fill(7), pair.recipient);
    for (const at of [ct.length - 1, ct.length - 20_000, 150]) {
      const bad = new Uint8Array(ct);
      bad[at]! ^= 0x01;
      expect(await kindOf(decryptWithIdentity(bad, pair.identity))).toBe('AGE_DECRYPT_FAILED');
    }
    expect(await kindOf(decryptWithIdentity(ct.subarray(0, ct.length - 1), pair.identity))).toBe('AGE_DECRYPT_FAILED');
    expect(await kindOf(decryptWithIdentity(ct.subarray(0, 64 * 1024 + 200), pair.identity))).toBe('AGE_DECRYPT_FAILED');
    expect(await kindOf(decryptWithIdentity(text('not age at all'), pair.identity))).toBe('AGE_DECRYPT_FAILED');
  });

  it('plain NDJSON is not mistaken for ciphertext', () => {
    expect(looksLikeAgeCiphertext(text('{"id":1}\n'))).toBe(false);
    expect(looksLikeAgeCiphertext(new Uint8Array(0))).toBe(false);
  });
});
