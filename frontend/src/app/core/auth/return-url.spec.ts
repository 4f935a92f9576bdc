import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('keeps paths inside the shell', () => {
    expect(safeReturnUrl('/forms/hot-debrief?x=1')).toBe('/forms/hot-debrief?x=1');
  });

  it('refuses other sites, odd values and the sign-in pages themselves', () => {
    for (const value of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      '',
      undefined,
      42,
      '/sign-in',
      '/sign-out',
    ]) {
      expect(safeReturnUrl(value)).toBe('/');
    }
  });
});
