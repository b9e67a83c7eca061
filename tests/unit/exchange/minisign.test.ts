import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  MAX_TRUSTED_COMMENT_BYTES,
  MinisignError,
  exportMinisignPublicKey,
  formatKeyId,
  generateMinisignKeyPair,
  importMinisignPublicKey,
  keyIdHex,
  minisignPublicKeyBase64,
  parseKeyIdHex,
  publicKeyFingerprint,
  publicKeyFromSecret,
  secretKeyObject,
  signMinisign,
  verifyMinisign,
  type MinisignVerifyResult,
} from '../../../electron/core/exchange/minisign';

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const failKind = (r: MinisignVerifyResult) => (r.ok ? 'OK' : r.error.kind);

// Made by Debian's minisign 0.11 (`minisign -G -W`, then `minisign -S` and `minisign -S -l`)
// over the 3-byte file "hi\n": a fixed answer that does not need the tool installed.
const STOCK = {
  publicKeyFile:
    'untrusted comment: minisign public key 920C99729C7A3F0F\nRWQPP3qccpkMkhzclHVL8n6lUWXM9j1fOrBSsMMWp3DYcMkuTJCiFS1s\n',
  message: text('hi\n'),
  prehashed:
    'untrusted comment: signature from minisign secret key\n' +
    'RUQPP3qccpkMkgA38cRNjiSzJiBqTRNW0YD2TFsYlTMIvyByy8EUlueSGGkZLq0bUKvdaPulq+2TrrLuIKprZLLAd20TS4ZHwgY=\n' +
    'trusted comment: timestamp:1795841326\tfile:d.txt\thashed\n' +
    'NVC/Y4hHjdweyWihxS6WyxnUQKfJQ4Zt/LDORtnyMlQA8inkL5rBDIPv6r83vxdtldHSf6T177+i9lN9PAMQBQ==\n',
  legacy:
    'untrusted comment: signature from minisign secret key\n' +
    'RWQPP3qccpkMkgEN107I5Y3J1N6o6oy8+J0JJzYi4fEXNc50W95uOy2it4HJ9pKwLX0oiB11KU5akIe1p1248PCYpJ4JbdywDA4=\n' +
    'trusted comment: timestamp:1795841326\tfile:d.txt\n' +
    'lTqiRqrm9ucn4l6mkDVc5FNTEneeFXHaMEZrI+c09xBzE2tGo7QlydaLd58GyAR87rBM2JCK6wyUFIu52mh2Cw==\n',
};

describe('keys', () => {
  it('generates raw 32-byte keys and an 8-byte key id', () => {
    const kp = generateMinisignKeyPair();
    expect(kp.publicKey).toHaveLength(32);
    expect(kp.secretKey).toHaveLength(32);
    expect(kp.keyId).toHaveLength(8);
    expect(Buffer.from(publicKeyFromSecret(kp.secretKey)).equals(Buffer.from(kp.publicKey))).toBe(true);
    expect(Buffer.from(generateMinisignKeyPair().keyId).equals(Buffer.from(kp.keyId))).toBe(false);
  });

  it('exports the public key file and imports it back (file or bare line)', () => {
    const kp = generateMinisignKeyPair();
    const file = exportMinisignPublicKey(kp);
    expect(file).toMatch(/^untrusted comment: minisign public key [0-9A-F]{16}\nRW[A-Za-z0-9+/]{54}\n$/);
    for (const form of [file, minisignPublicKeyBase64(kp), file.replace(/\n/g, '\r\n')]) {
      const back = importMinisignPublicKey(form);
      expect(Buffer.from(back.keyId).equals(Buffer.from(kp.keyId))).toBe(true);
      expect(Buffer.from(back.publicKey).equals(Buffer.from(kp.publicKey))).toBe(true);
    }
  });

  it('reads a stock public key file and shows its id the way minisign does', () => {
    const key = importMinisignPublicKey(STOCK.publicKeyFile);
    expect(keyIdHex(key.keyId)).toBe('920C99729C7A3F0F');
    expect(formatKeyId(key.keyId)).toBe('920C 9972 9C7A 3F0F');
    // Stored byte order is the reverse of the printed one.
    expect(Buffer.from(key.keyId).toString('hex').toUpperCase()).toBe('0F3F7A9C72990C92');
    expect(Buffer.from(parseKeyIdHex('920C 9972 9C7A 3F0F')).equals(Buffer.from(key.keyId))).toBe(true);
    expect(exportMinisignPublicKey(key)).toBe(STOCK.publicKeyFile);
  });

  it('refuses malformed public keys', () => {
    const bad = [
      '',
      'untrusted comment: x\n',
      'untrusted comment: x\nnot base64!\n',
      'RWQPP3qccpkMkhzclHVL8n6lUWXM9j1fOrBSsMMWp3DYcMkuTJCiFS1', // short
      'something else: x\nRWQPP3qccpkMkhzclHVL8n6lUWXM9j1fOrBSsMMWp3DYcMkuTJCiFS1s',
      Buffer.concat([Buffer.from('Ex'), Buffer.alloc(40)]).toString('base64'),
    ];
    for (const b of bad) {
      expect(() => importMinisignPublicKey(b)).toThrow(MinisignError);
    }
  });

  it('fingerprint: first 20 bytes of SHA-256 of the raw key, in groups of four', () => {
    const kp = generateMinisignKeyPair();
    const fp = publicKeyFingerprint(kp.publicKey);
    expect(fp).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    const expected = createHash('sha256').update(kp.publicKey).digest('hex').toUpperCase().slice(0, 40);
    expect(fp.replace(/ /g, '')).toBe(expected);
  });
});

describe('signMinisign / verifyMinisign', () => {
  const kp = generateMinisignKeyPair();
  const message = text('{"kind":"report","packageId":"甘肃-1"}');

  it('writes the four-line minisign file and verifies it', () => {
    const sig = signMinisign(message, kp.secretKey, kp.keyId, 'fpkg 1234 会宁县');
    const lines = sig.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('untrusted comment: signature from minisign secret key');
    expect(Buffer.from(lines[1]!, 'base64').subarray(0, 2).toString()).toBe('ED');
    expect(lines[2]).toBe('trusted comment: fpkg 1234 会宁县');
    expect(lines[4]).toBe('');
    const r = verifyMinisign(message, sig, kp);
    expect(r).toEqual({
      ok: true,
      value: { trustedComment: 'fpkg 1234 会宁县', prehashed: true, untrustedComment: 'signature from minisign secret key' },
    });
  });

  it('accepts a KeyObject and a custom untrusted comment; takes the file as bytes too', () => {
    const sig = signMinisign(message, secretKeyObject(kp.secretKey), kp.keyId, 't', { untrustedComment: '县扶贫办' });
    const r = verifyMinisign(message, Buffer.from(sig), kp);
    expect(r.ok && r.value.untrustedComment).toBe('县扶贫办');
  });

  it('is deterministic (Ed25519) for the same input', () => {
    expect(signMinisign(message, kp.secretKey, kp.keyId, 'x')).toBe(signMinisign(message, kp.secretKey, kp.keyId, 'x'));
  });

  it('a changed message byte → SIGNATURE_INVALID', () => {
    const sig = signMinisign(message, kp.secretKey, kp.keyId, 'x');
    for (let i = 0; i < message.length; i += 7) {
      const changed = new Uint8Array(message);
      changed[i]! ^= 0x01;
      expect(failKind(verifyMinisign(changed, sig, kp))).toBe('SIGNATURE_INVALID');
    }
    expect(failKind(verifyMinisign(new Uint8Array([...message, 0x0a]), sig, kp))).toBe('SIGNATURE_INVALID');
  });

  it('a changed trusted comment → SIGNATURE_GLOBAL_INVALID', () => {
    const sig = signMinisign(message, kp.secretKey, kp.keyId, 'package A');
    expect(failKind(verifyMinisign(message, sig.replace('package A', 'package B'), kp))).toBe('SIGNATURE_GLOBAL_INVALID');
  });

  it('the untrusted comment is not covered (as in minisign)', () => {
    const sig = signMinisign(message, kp.secretKey, kp.keyId, 'x');
    const r = verifyMinisign(message, sig.replace('signature from minisign secret key', 'anything'), kp);
    expect(r.ok).toBe(true);
  });

  it('another key id → SIGNATURE_KEY_MISMATCH; same id, other key → SIGNATURE_INVALID', () => {
    const sig = signMinisign(message, kp.secretKey, kp.keyId, 'x');
    const other = generateMinisignKeyPair();
    const mismatch = verifyMinisign(message, sig, other);
    expect(failKind(mismatch)).toBe('SIGNATURE_KEY_MISMATCH');
    expect(mismatch.ok ? '' : mismatch.error.message).toContain(formatKeyId(kp.keyId));
    expect(failKind(verifyMinisign(message, sig, { keyId: kp.keyId, publicKey: other.publicKey }))).toBe(
      'SIGNATURE_INVALID',
    );
  });

  it('legacy "Ed" signatures verify unless prehashing is required', () => {
    const sig = signMinisign(message, kp.secretKey, kp.keyId, 'old', { legacy: true });
    expect(Buffer.from(sig.split('\n')[1]!, 'base64').subarray(0, 2).toString()).toBe('Ed');
    const r = verifyMinisign(message, sig, kp);
    expect(r.ok && r.value.prehashed).toBe(false);
    expect(failKind(verifyMinisign(message, sig, kp, { requirePrehashed: true }))).toBe('SIGNATURE_LEGACY_REFUSED');
    const changed = new Uint8Array(message);
    changed[0]! ^= 1;
    expect(failKind(verifyMinisign(changed, sig, kp))).toBe('SIGNATURE_INVALID');
  });

  it('CRLF line endings verify (a file that went through Windows Notepad)', () => {
    const sig = signMinisign(message, kp.secretKey, kp.keyId, 'x');
    expect(verifyMinisign(message, sig.replace(/\n/g, '\r\n'), kp).ok).toBe(true);
  });

  it('malformed signature files → SIGNATURE_MALFORMED', () => {
    const sig = signMinisign(message, kp.secretKey, kp.keyId, 'x');
    const [l1, l2, l3, l4] = sig.split('\n') as [string, string, string, string];
    const blob = Buffer.from(l2, 'base64');
    const variants = [
      '',
      'garbage',
      [l1, l2, l3].join('\n'),
      [l2, l1, l3, l4].join('\n'),
      ['comment: x', l2, l3, l4].join('\n'),
      [l1, l2, 'comment: x', l4].join('\n'),
      [l1, l2.slice(1), l3, l4].join('\n'),
      [l1, `${l2}AAAA`, l3, l4].join('\n'),
      [l1, l2, l3, l4.slice(0, -4)].join('\n'),
      [l1, l2.replace(/=$/, '!'), l3, l4].join('\n'),
      [l1, Buffer.concat([Buffer.from('Ex'), blob.subarray(2)]).toString('base64'), l3, l4].join('\n'),
      [l1, l2, l3, l4, 'extra line'].join('\n'),
      [l1, l2, 'trusted comment: a\rb', l4].join('\n'),
      [l1, l2, 'trusted comment: a\0b', l4].join('\n'),
      `untrusted comment: ${'x'.repeat(2000)}\n${[l2, l3, l4].join('\n')}`,
    ];
    for (const v of variants) expect(failKind(verifyMinisign(message, v, kp)), JSON.stringify(v)).toBe('SIGNATURE_MALFORMED');
  });

  it('refuses comments that could not round-trip through minisign', () => {
    const kind = (fn: () => unknown) => {
      try {
        fn();
        return 'NO_ERROR';
      } catch (e) {
        return e instanceof MinisignError ? e.kind : 'OTHER';
      }
    };
    expect(kind(() => signMinisign(message, kp.secretKey, kp.keyId, 'a\nb'))).toBe('MINISIGN_COMMENT_INVALID');
    expect(kind(() => signMinisign(message, kp.secretKey, kp.keyId, 'a\rb'))).toBe('MINISIGN_COMMENT_INVALID');
    expect(kind(() => signMinisign(message, kp.secretKey, kp.keyId, 'a\0b'))).toBe('MINISIGN_COMMENT_INVALID');
    expect(kind(() => signMinisign(message, kp.secretKey, kp.keyId, 'lone \uD800'))).toBe('MINISIGN_COMMENT_INVALID');
    expect(kind(() => signMinisign(message, kp.secretKey, kp.keyId, 'x'.repeat(MAX_TRUSTED_COMMENT_BYTES + 1)))).toBe(
      'MINISIGN_COMMENT_INVALID',
    );
    expect(kind(() => signMinisign(message, kp.secretKey, kp.keyId, 'x'.repeat(MAX_TRUSTED_COMMENT_BYTES)))).toBe(
      'NO_ERROR',
    );
    expect(kind(() => signMinisign(message, kp.secretKey, kp.keyId, 'x', { untrustedComment: 'a\nb' }))).toBe(
      'MINISIGN_COMMENT_INVALID',
    );
    expect(kind(() => signMinisign(message, kp.secretKey, new Uint8Array(7), 'x'))).toBe('MINISIGN_KEY_MALFORMED');
    expect(kind(() => signMinisign(message, new Uint8Array(31), kp.keyId, 'x'))).toBe('MINISIGN_KEY_MALFORMED');
  });

  it('signs an empty message', () => {
    const sig = signMinisign(new Uint8Array(0), kp.secretKey, kp.keyId, 'empty');
    expect(verifyMinisign(new Uint8Array(0), sig, kp).ok).toBe(true);
  });
});

describe('signatures made by stock minisign 0.11 (recorded)', () => {
  const key = importMinisignPublicKey(STOCK.publicKeyFile);

  it('prehashed (default -S) verifies', () => {
    expect(verifyMinisign(STOCK.message, STOCK.prehashed, key)).toEqual({
      ok: true,
      value: {
        trustedComment: 'timestamp:1795841326\tfile:d.txt\thashed',
        prehashed: true,
        untrustedComment: 'signature from minisign secret key',
      },
    });
  });

  it('legacy (-S -l) verifies', () => {
    const r = verifyMinisign(STOCK.message, STOCK.legacy, key);
    expect(r.ok && r.value).toMatchObject({ prehashed: false, trustedComment: 'timestamp:1795841326\tfile:d.txt' });
  });

  it('a changed byte is refused', () => {
    expect(failKind(verifyMinisign(text('hi!'), STOCK.prehashed, key))).toBe('SIGNATURE_INVALID');
    expect(failKind(verifyMinisign(text('hi!'), STOCK.legacy, key))).toBe('SIGNATURE_INVALID');
  });
});
