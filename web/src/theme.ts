import { Badge, createTheme, Select } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    // A badge in a narrow table cell keeps its whole word instead of an ellipsis.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
    // Tabbing through a form should not pop lists open; a click, typing or the arrow keys do.
    Select: Select.extend({ defaultProps: { openOnFocus: false } }),
  },
});
