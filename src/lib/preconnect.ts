/**
 * Opens the connections to other origins the page is about to call (`<link rel="preconnect">`),
 * so DNS, TCP and TLS are done by the time the first request goes out. `crossorigin` because the
 * calls are CORS fetches without credentials, which use connections of their own.
 */
export function preconnect(urls: readonly string[], doc: Document = document): void {
  const present = new Set(
    [...doc.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].map(
      (link) => new URL(link.href).origin,
    ),
  );
  for (const url of urls) {
    const origin = new URL(url, doc.baseURI).origin;
    if (origin === new URL(doc.baseURI).origin || present.has(origin)) continue;
    const link = doc.createElement('link');
    link.rel = 'preconnect';
    link.href = origin;
    link.crossOrigin = 'anonymous';
    doc.head.append(link);
    present.add(origin);
  }
}
