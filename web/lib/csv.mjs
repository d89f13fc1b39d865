// CSV text for the exports: cells quoted when they hold a comma, quote or newline, missing values
// (null, undefined, NaN) empty, one line per row and a final newline.

const cell = (value) => {
  if (value == null || Number.isNaN(value)) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The CSV text of `header` (column names) and `rows` (arrays of cells). */
export function csvText(header, rows) {
  return `${[header, ...rows].map((row) => row.map(cell).join(',')).join('\n')}\n`;
}
