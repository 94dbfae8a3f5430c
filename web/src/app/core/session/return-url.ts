/**
 * Where to go after signing in. Only an address inside this app is honoured: an absolute URL,
 * a protocol-relative `//host` or a backslash trick would turn the sign-in page into an open
 * redirect, so those fall back to the start page.
 */
export const RETURN_URL_PARAM = 'returnUrl';

export function safeReturnUrl(candidate: string | null | undefined): string | null {
  if (!candidate || candidate.length > 2048) return null;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\'))
    return null;
  // Control characters (tabs, newlines) are dropped by URL parsers and can smuggle `//host` in.
  if (/[\u0000-\u001f\u007f\\]/.test(candidate)) return null;
  // The auth pages themselves are never a destination: that would loop back to the form.
  if (/^\/(sign-in|register)(?=[/?#]|$)/.test(candidate)) return null;
  return candidate;
}

/** Query params that send the user to sign-in and back to `url` afterwards. */
export function returnTo(url: string): Record<string, string> {
  const safe = safeReturnUrl(url);
  return safe && safe !== '/' ? { [RETURN_URL_PARAM]: safe } : {};
}
