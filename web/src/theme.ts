import {
  Badge,
  type CSSVariablesResolver,
  createTheme,
  Drawer,
  darken,
  FileInput,
  type MantineThemeOverride,
  Modal,
  Notification,
  Select,
} from '@mantine/core';

const FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

/**
 * The theme, in the user's language (the close buttons of dialogs and notifications carry a spoken name).
 * Text meets WCAG AA (4.5:1): Mantine's default shade 6 is too light for white text on a filled button or for coloured
 * text on white (blue 6 gives 3.6:1, red 6 3.3:1), so filled colours and `c="red"` use shade 8 (blue
 * 5.0:1, red 4.5:1); the colours still too light at 8 are darkened in `cssVariablesResolver`.
 */
export function themeFor(closeLabel: string): MantineThemeOverride {
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'md',
    fontFamily: FONTS,
    headings: { fontFamily: FONTS },
    focusRing: 'auto',
    cursorType: 'pointer',
    components: {
      // A badge in a narrow table cell keeps its whole word instead of an ellipsis.
      Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
      // Tabbing through a form should not pop lists open; a click, typing or the arrow keys do.
      Select: Select.extend({ defaultProps: { openOnFocus: false } }),
      // A file input's placeholder is text on the page (not the input's own placeholder): Mantine's grey 5
      // gives 2.1:1 on white, so it takes the readable dimmed grey.
      FileInput: FileInput.extend({ styles: { placeholder: { color: 'var(--mantine-color-dimmed)' } } }),
      // Mantine's close button is an icon only: without a label a screen reader says just "button".
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } }),
      // The notifications (saved, attached, failed) have the same unnamed close button; and under a title
      // Mantine greys their text to gray 6 (3.3:1 on white), so it takes the app's readable dimmed grey.
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': closeLabel } },
        styles: (_theme, props) => (props.title ? { description: { color: 'var(--mantine-color-dimmed)' } } : {}),
      }),
    },
  });
}

/**
 * How much darker than Mantine's darkest shade (9) the text of these colours must be to read at 4.5:1 on
 * their own light background (a light badge or alert, shade 1) and on white: yellow 9 on yellow 1 gives
 * only 2.7:1, green 9 on green 1 3.8:1.
 */
const DARKENED_TEXT: Record<string, number> = { yellow: 0.3, orange: 0.15, green: 0.15, teal: 0.1, lime: 0.2 };
/** Colours of filled buttons with white text ("Verifikasi" in green, "Kembalikan" and corrections in orange). */
const DARKENED_FILLED = ['green', 'orange'];

/**
 * Dimmed text (hints, captions, secondary figures) is everywhere; Mantine's grey 6 gives only 3.3:1 on
 * white. This grey keeps the quieter look at 5.8:1 on white and at least 4.7:1 on every light panel.
 * Links take blue 9, which also reads on a light blue alert. A field's error message (and its border)
 * takes red 8 (4.5:1) instead of Mantine's red 6 (3.3:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': '#5f666d',
    '--mantine-color-anchor': 'var(--mantine-color-blue-9)',
    '--mantine-color-error': 'var(--mantine-color-red-8)',
  };
  for (const [color, amount] of Object.entries(DARKENED_TEXT)) {
    const darkest = theme.colors[color]?.[9];
    if (!darkest) continue;
    const text = darken(darkest, amount);
    light[`--mantine-color-${color}-text`] = text;
    light[`--mantine-color-${color}-light-color`] = text;
    if (DARKENED_FILLED.includes(color)) {
      light[`--mantine-color-${color}-filled`] = text;
      light[`--mantine-color-${color}-filled-hover`] = darken(darkest, amount + 0.1);
    }
  }
  return { variables: {}, light, dark: {} };
};
