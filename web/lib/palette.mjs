// Run colours and dash patterns. The eight colours are pairwise distinct (CIEDE2000 ≥ 25) and each
// has WCAG contrast ≥ 3:1 against both theme backgrounds; a light halo (run-style.mjs) sets them off
// the viridis heatmap. Run 0 is solid and every other run has its own dash, so runs still differ in
// print and in greyscale. tests/js/palette.test.mjs checks all three.
export const RUN_COLOURS = ['#f82c41', '#d87000', '#0893d4', '#c6248c', '#23a136', '#6f59ff', '#007f78', '#8a7b01'];

/** Dash patterns in CSS pixels (canvas setLineDash, uPlot `dash`, SVG stroke-dasharray); [] is solid. */
export const RUN_DASHES = [
  [],
  [10, 4],
  [2, 3],
  [10, 3, 2, 3],
  [5, 4],
  [10, 3, 2, 3, 2, 3],
  [12, 3, 5, 3],
  [5, 3, 1.5, 3],
];

export const runColour = (i) => RUN_COLOURS[i % RUN_COLOURS.length];

export const runDash = (i) => RUN_DASHES[i % RUN_DASHES.length];

/** The dash as an SVG stroke-dasharray value ('' when solid). */
export const dashArray = (dash) => (dash?.length ? dash.join(' ') : '');
