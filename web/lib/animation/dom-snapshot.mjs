// A picture of laid-out DOM text (the formula panel's KaTeX) on a canvas, since a canvas cannot
// draw HTML and this site's Content-Security-Policy allows no data: or blob: images (so no SVG
// foreignObject): every visible text node is drawn with fillText in its computed font (KaTeX's
// webfonts are the document's, so the canvas has them) at its laid-out place, every solid bottom
// or top border (fraction bars) as a filled rectangle, and every inline <svg> path (radicals,
// hats, stretchy delimiters) as a Path2D in its viewBox. All in one colour, the figure's text colour.

const SKIP = '.katex-mathml, [hidden]';

function* textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.textContent.trim() && !node.parentElement.closest(SKIP) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node;
}

function paintText(ctx, node, origin) {
  const style = getComputedStyle(node.parentElement);
  if (style.visibility === 'hidden' || style.display === 'none') return;
  ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  ctx.textBaseline = 'alphabetic';
  const range = document.createRange();
  range.selectNodeContents(node);
  const rects = [...range.getClientRects()];
  const text = node.textContent.replace(/\s+/g, ' ');
  if (rects.length !== 1) {
    // A wrapped text: each word at its own rectangle.
    const words = text.trim().split(' ');
    let at = 0;
    for (const word of words) {
      const start = node.textContent.indexOf(word, at);
      at = start + word.length;
      range.setStart(node, start);
      range.setEnd(node, at);
      const rect = range.getBoundingClientRect();
      const metrics = ctx.measureText(word);
      ctx.fillText(word, rect.left - origin.x, rect.top - origin.y + metrics.fontBoundingBoxAscent);
    }
    return;
  }
  const [rect] = rects;
  const metrics = ctx.measureText(text);
  ctx.fillText(text, rect.left - origin.x, rect.top - origin.y + metrics.fontBoundingBoxAscent);
}

function paintBorders(ctx, root, origin) {
  for (const el of root.querySelectorAll('*')) {
    if (el.closest(SKIP)) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const bottom = parseFloat(style.borderBottomWidth);
    const top = parseFloat(style.borderTopWidth);
    if (bottom > 0 && style.borderBottomStyle === 'solid' && el.closest('.katex')) ctx.fillRect(rect.left - origin.x, rect.bottom - bottom - origin.y, rect.width, bottom);
    if (top > 0 && style.borderTopStyle === 'solid' && el.closest('.katex')) ctx.fillRect(rect.left - origin.x, rect.top - origin.y, rect.width, top);
  }
}

function paintSvgs(ctx, root, origin) {
  for (const svg of root.querySelectorAll('svg')) {
    if (svg.closest(SKIP)) continue;
    const rect = svg.getBoundingClientRect();
    const box = svg.viewBox?.baseVal;
    if (!rect.width || !rect.height || !box?.width || !box?.height) continue;
    const sx = rect.width / box.width;
    const sy = rect.height / box.height;
    const slice = /slice/.test(svg.getAttribute('preserveAspectRatio') ?? '');
    const none = /none/.test(svg.getAttribute('preserveAspectRatio') ?? '');
    const [kx, ky] = none ? [sx, sy] : slice ? [Math.max(sx, sy), Math.max(sx, sy)] : [Math.min(sx, sy), Math.min(sx, sy)];
    ctx.save();
    ctx.beginPath();
    ctx.rect(rect.left - origin.x, rect.top - origin.y, rect.width, rect.height);
    ctx.clip();
    ctx.translate(rect.left - origin.x, rect.top - origin.y);
    ctx.scale(kx, ky);
    ctx.translate(-box.x, -box.y);
    for (const path of svg.querySelectorAll('path')) ctx.fill(new Path2D(path.getAttribute('d')));
    ctx.restore();
  }
}

/**
 * The elements (laid out, one under the other) painted on a canvas at `scale` canvas pixels per
 * CSS pixel in `colour`: { image, width, height } (CSS pixels), or null if nothing is laid out.
 */
export function snapshotElements(elements, { scale, colour }) {
  const shown = elements.filter((el) => el && el.getClientRects().length);
  if (!shown.length) return null;
  const rects = shown.map((el) => el.getBoundingClientRect());
  const origin = { x: Math.min(...rects.map((r) => r.left)), y: Math.min(...rects.map((r) => r.top)) };
  const width = Math.ceil(Math.max(...rects.map((r) => r.right)) - origin.x);
  const height = Math.ceil(Math.max(...rects.map((r) => r.bottom)) - origin.y);
  const image = document.createElement('canvas');
  image.width = Math.ceil(width * scale);
  image.height = Math.ceil(height * scale);
  const ctx = image.getContext('2d');
  ctx.scale(scale, scale);
  ctx.fillStyle = colour;
  for (const el of shown) {
    for (const node of textNodes(el)) paintText(ctx, node, origin);
    paintBorders(ctx, el, origin);
    paintSvgs(ctx, el, origin);
  }
  return { image, width, height };
}
