import { describe, expect, it } from '@jest/globals';
import { isBlockedAddress } from './blocked-addresses.ts';
import { checkUrl } from './safe-fetch.ts';

const policy = { allowedHosts: ['boards-api.greenhouse.io', '10.1.2.3', '127.0.0.1'], maxBytes: 1_000, timeoutMs: 1_000 };

describe('addresses a postings fetch never reaches', () => {
  it.each(['127.0.0.1', '10.0.0.8', '172.20.1.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1',
    '::ffff:127.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::a00:1', '224.0.0.1', 'not-an-ip'])('%s is blocked', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });
  it.each(['8.8.8.8', '104.18.1.1', '2606:4700::1111'])('%s is public', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  it('refuses before connecting: other schemes, hosts off the allow-list, private literals, credentials', () => {
    const reason = (url: string, extra = {}) => {
      try {
        checkUrl(url, { ...policy, ...extra });
        return 'allowed';
      } catch (error) {
        return (error as { details: { reason: string } }).details.reason;
      }
    };
    expect(reason('https://boards-api.greenhouse.io/v1/boards/acme/jobs')).toBe('allowed');
    expect(reason('http://boards-api.greenhouse.io/v1/boards/acme/jobs')).toBe('scheme');
    expect(reason('file:///etc/passwd')).toBe('scheme');
    expect(reason('https://evil.example/')).toBe('host-not-allowed');
    expect(reason('https://boards-api.greenhouse.io.evil.example/')).toBe('host-not-allowed');
    expect(reason('https://10.1.2.3/')).toBe('private-address');
    expect(reason('https://127.0.0.1/')).toBe('private-address');
    expect(reason('https://127.0.0.1/', { allowedPrivateAddresses: ['127.0.0.1'] })).toBe('allowed');
    expect(reason('https://user:pw@boards-api.greenhouse.io/')).toBe('credentials-in-url');
    expect(reason('not a url')).toBe('invalid-url');
  });
});
