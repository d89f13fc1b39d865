// A chart as a standalone SVG document (for a blog post or a paper): the drawing of
// chart-figure.mjs written as SVG elements.
import { chartFigure, FIGURE_FONT } from './chart-figure.mjs';

function escapeXml(text) {
  return String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

const num = (v) => Math.round(v * 10) / 10;
const dashAttr = (dash) => (dash && dash.length ? ` stroke-dasharray="${dash.join(' ')}"` : '');
const pathData = (segments) => segments.map((points) => points.map(([x, y], k) => `${k ? 'L' : 'M'}${num(x)} ${num(y)}`).join('')).join('');

function textSvg(item) {
  const attrs = [`x="${num(item.x)}"`, `y="${num(item.y)}"`];
  if (item.anchor && item.anchor !== 'start') attrs.push(`text-anchor="${item.anchor}"`);
  if (item.size) attrs.push(`font-size="${item.size}"`);
  if (item.weight) attrs.push(`font-weight="${item.weight}"`);
  if (item.italic) attrs.push('font-style="italic"');
  if (item.rotate) attrs.push(`transform="rotate(${item.rotate} ${num(item.x)} ${num(item.y)})"`);
  const single = item.spans.length === 1 && !item.spans[0].fill;
  if (single) return `<text ${attrs.join(' ')} fill="${escapeXml(item.fill)}">${escapeXml(item.spans[0].text)}</text>`;
  const spans = item.spans.map((s) => `<tspan fill="${escapeXml(s.fill ?? item.fill)}">${escapeXml(s.text)}</tspan>`).join('');
  return `<text ${attrs.join(' ')}>${spans}</text>`;
}

function itemSvg(item, clips) {
  switch (item.kind) {
    case 'rect':
      return `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}" fill="${escapeXml(item.fill)}"/>`;
    case 'line':
      return `<line x1="${num(item.x1)}" y1="${num(item.y1)}" x2="${num(item.x2)}" y2="${num(item.y2)}" stroke="${escapeXml(item.stroke)}"` +
        `${item.width ? ` stroke-width="${item.width}"` : ''}${dashAttr(item.dash)}/>`;
    case 'path':
      return `<path d="${pathData(item.segments)}" fill="none" stroke="${escapeXml(item.stroke)}" stroke-width="${item.width}"` +
        `${item.round ? ' stroke-linejoin="round" stroke-linecap="round"' : ''}${dashAttr(item.dash)}/>`;
    case 'polygon':
      return `<path d="${pathData([item.points])}Z" fill="${escapeXml(item.fill)}" stroke="none"/>`;
    case 'circle':
      return `<circle cx="${num(item.cx)}" cy="${num(item.cy)}" r="${item.r}" fill="${escapeXml(item.fill)}" stroke="${escapeXml(item.stroke)}" stroke-width="${item.width}"/>`;
    case 'text':
      return textSvg(item);
    case 'clip': {
      const id = `plot${clips.length}`;
      clips.push(`<clipPath id="${id}"><rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.w)}" height="${num(item.h)}"/></clipPath>`);
      return `<g clip-path="url(#${id})">${item.items.map((inner) => itemSvg(inner, clips)).join('')}</g>`;
    }
    default:
      throw new Error(`chart figure: unknown item kind ${JSON.stringify(item.kind)}`);
  }
}

/** The SVG document of a chart-figure.mjs spec. */
export function chartSVG(spec) {
  const figure = chartFigure(spec);
  const clips = [];
  const body = figure.items.map((item) => itemSvg(item, clips)).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${figure.width}" height="${figure.height}" viewBox="0 0 ${figure.width} ${figure.height}" `,
    `font-family="${FIGURE_FONT}" font-size="12">`,
    `<defs>${clips.join('')}</defs>`,
    body,
    '</svg>',
  ].join('');
}
