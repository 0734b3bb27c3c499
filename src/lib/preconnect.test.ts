import { preconnect } from './preconnect';

const links = () =>
  [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].map((link) => ({
    href: link.href,
    crossOrigin: link.crossOrigin,
  }));

afterEach(() => {
  for (const link of document.head.querySelectorAll('link[rel="preconnect"]')) link.remove();
});

describe('preconnect', () => {
  it('opens each other origin once, for CORS calls', () => {
    preconnect([
      'https://login.microsoftonline.com/tenant/v2.0',
      'https://graph.microsoft.com/v1.0',
      'https://graph.microsoft.com/beta',
    ]);
    preconnect(['https://graph.microsoft.com/v1.0']);
    expect(links()).toEqual([
      { href: 'https://login.microsoftonline.com/', crossOrigin: 'anonymous' },
      { href: 'https://graph.microsoft.com/', crossOrigin: 'anonymous' },
    ]);
  });

  it('leaves out the page’s own origin, relative URLs included', () => {
    preconnect([`${window.location.origin}/graph/v1.0`, '/login/tenant/v2.0']);
    expect(links()).toEqual([]);
  });
});
