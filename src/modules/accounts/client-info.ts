import { createHmac } from 'node:crypto';

// What audit events may say about the client: a keyed hash of the IP address (stable enough to
// see "many failures from one place", useless to anyone without the server key — a plain hash of
// an IPv4 address is reversed by trying all 2^32) and the browser family, never the raw strings.

export function hashIp(key: Buffer, ip: string | undefined): string {
  return createHmac('sha256', key).update(ip ?? 'unknown').digest('base64url').slice(0, 22);
}

const browsers: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bChrome\/|\bCriOS\/|\bChromium\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
  [/\bcurl\//, 'curl'],
  [/\bnode\b|undici/i, 'node'],
  [/bot|crawler|spider/i, 'bot'],
];
const systems: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iOS/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** `Chrome/Windows`, `Safari/iOS`, `curl`, `other`: the family only, never versions or devices. */
export function userAgentFamily(userAgent: string | undefined): string {
  if (!userAgent) return 'unknown';
  const ua = userAgent.slice(0, 512);
  const browser = browsers.find(([pattern]) => pattern.test(ua))?.[1] ?? 'other';
  const system = systems.find(([pattern]) => pattern.test(ua))?.[1];
  return system && browser !== 'curl' && browser !== 'node' ? `${browser}/${system}` : browser;
}
