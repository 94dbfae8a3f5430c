import { returnTo, safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps an address inside the app, with its query and fragment', () => {
    expect(safeReturnUrl('/drafts/42?tab=export#top')).toBe('/drafts/42?tab=export#top');
  });

  it.each([
    ['an absolute URL', 'https://evil.example/steal'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash host', '/\\evil.example'],
    ['a tab that parsers drop', '/\t/evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['the sign-in page (a loop)', '/sign-in?returnUrl=/drafts'],
    ['the register page', '/register'],
    ['nothing', ''],
    ['an overlong address', '/' + 'a'.repeat(3000)],
  ])('refuses %s', (_what, candidate) => {
    expect(safeReturnUrl(candidate)).toBeNull();
  });

  it('keeps pages whose names only start like the auth pages', () => {
    expect(safeReturnUrl('/sign-in-help')).toBe('/sign-in-help');
  });

  it('returnTo adds the parameter only when there is somewhere to return to', () => {
    expect(returnTo('/account')).toEqual({ returnUrl: '/account' });
    expect(returnTo('/')).toEqual({});
    expect(returnTo('//evil.example')).toEqual({});
  });
});
