import { KIND_STYLE } from '../features/helpdesk/spelled-pass';
import { BACKGROUNDS } from './theme';

/** #rgb or #rrggbb as #rrggbb. */
function sixDigits(hex: string): string {
  return hex.length === 4 ? `#${[...hex.slice(1)].map((digit) => digit + digit).join('')}` : hex;
}

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe("the pass's colour coding", () => {
  it.each(['light', 'dark'] as const)(
    'keeps at least 7:1 (WCAG AAA) on the paper of the %s scheme, for every kind',
    (scheme) => {
      const paper = sixDigits(BACKGROUNDS[scheme].paper);
      expect(paper).toMatch(/^#[0-9a-f]{6}$/i);
      for (const style of Object.values(KIND_STYLE)) {
        expect(contrast(style[scheme], paper)).toBeGreaterThanOrEqual(7);
      }
    },
  );

  it('gives each kind its own colour in each scheme', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const colours = Object.values(KIND_STYLE).map((style) => style[scheme]);
      expect(new Set(colours).size).toBe(colours.length);
    }
  });
});
