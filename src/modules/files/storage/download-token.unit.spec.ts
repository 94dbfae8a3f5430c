import { describe, expect, it } from '@jest/globals';
import { signDownloadToken, verifyDownloadToken } from './download-token.ts';

const secret = 'a-test-secret-that-is-at-least-32-characters';
const now = new Date('2030-01-01T00:00:00Z');
const grant = { key: 'resumes/user-1/a.pdf', fileName: 'cv.pdf', expiresAt: new Date('2030-01-01T00:15:00Z') };

describe('download tokens', () => {
  it('round-trips the key, saved name and expiry', () => {
    expect(verifyDownloadToken(signDownloadToken(grant, secret), secret, now)).toEqual(grant);
  });

  it('refuses a token whose payload was changed to point at another file', () => {
    const [, signature] = signDownloadToken(grant, secret).split('.');
    const forged = Buffer.from(JSON.stringify({ k: 'resumes/user-2/b.pdf', n: 'x.pdf', e: 1_900_000_000 })).toString('base64url');
    expect(() => verifyDownloadToken(`${forged}.${signature}`, secret, now)).toThrow(expect.objectContaining({ code: 'DOWNLOAD_LINK_INVALID' }));
  });

  it('refuses a token signed with another secret, garbage and an empty token', () => {
    const other = signDownloadToken(grant, 'another-secret-that-is-at-least-32-chars!');
    for (const token of [other, 'garbage', '', 'a.b.c']) {
      expect(() => verifyDownloadToken(token, secret, now)).toThrow(expect.objectContaining({ code: 'DOWNLOAD_LINK_INVALID' }));
    }
  });

  it('refuses an expired token with its own code', () => {
    const token = signDownloadToken(grant, secret);
    expect(() => verifyDownloadToken(token, secret, new Date('2030-01-01T00:15:00Z'))).toThrow(
      expect.objectContaining({ code: 'DOWNLOAD_LINK_EXPIRED' }),
    );
  });
});
