import { onTestFinished, vi } from 'vitest';

/** A Blob's text (jsdom's Blob has no text()). */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

export interface Download {
  /** The link's `download` name. */
  name: string;
  /** The file's lines, without the byte-order mark. */
  lines(): Promise<string[]>;
}

/**
 * Keeps what the page downloads from now to the end of the test. jsdom has no object URLs and
 * follows no download link, so each file's Blob and name are kept where the browser would save
 * them; the rest of URL keeps working. Called again in the same test, it returns the same list.
 */
let current: Download[] | undefined;

export function captureDownloads(): Download[] {
  if (current) return current;
  const downloads: Download[] = [];
  current = downloads;
  let blob: Blob | undefined;
  vi.stubGlobal(
    'URL',
    class extends URL {
      static override createObjectURL(made: Blob) {
        blob = made;
        return 'blob:download';
      }
      static override revokeObjectURL() {}
    },
  );
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const file = blob;
    downloads.push({
      name: this.download,
      lines: async () => (file ? (await textOf(file)).replace(/^\uFEFF/, '').split('\r\n') : []),
    });
  });
  onTestFinished(() => {
    current = undefined;
    click.mockRestore();
    vi.unstubAllGlobals();
  });
  return downloads;
}
