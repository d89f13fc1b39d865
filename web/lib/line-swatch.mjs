// A legend's colour key: a short line sample in a run's colour and dash, as an inline SVG, so a
// key reads the same as the run's line in colour, in print and in greyscale.
import { dashArray } from './palette.mjs';

const SVG = 'http://www.w3.org/2000/svg';

/** An <svg> `width`×10 px holding a line in `colour` with `dash` ([] or null: solid). */
export function lineSwatch(colour, dash, { width = 24, stroke = 2.5, className = 'line-swatch' } = {}) {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({ width, height: 10, viewBox: `0 0 ${width} 10`, class: className, 'aria-hidden': 'true' })) svg.setAttribute(k, v);
  const line = document.createElementNS(SVG, 'line');
  svg.append(line);
  setLineSwatch(svg, colour, dash, stroke);
  return svg;
}

/** Recolours a swatch made by lineSwatch. */
export function setLineSwatch(svg, colour, dash, stroke = 2.5) {
  const width = Number(svg.getAttribute('width'));
  const line = svg.firstChild;
  const attrs = { x1: 1, y1: 5, x2: width - 1, y2: 5, stroke: colour, 'stroke-width': stroke, 'stroke-linecap': 'butt' };
  for (const [k, v] of Object.entries(attrs)) line.setAttribute(k, v);
  const array = dashArray(dash);
  if (array) line.setAttribute('stroke-dasharray', array);
  else line.removeAttribute('stroke-dasharray');
}
