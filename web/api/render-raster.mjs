// The raster outputs of `gradscape render`: an SVG figure rasterised by @resvg/resvg-js (an
// optional dependency, loaded on first use; without it the command says how to install it), and
// an animated GIF of frames (gifenc) with one global palette for the whole clip, quantised from a
// sample of its frames, so the colours do not shimmer from frame to frame; a frame is its runs
// rasterised alone and drawn over the still background rasterised once.
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as gifenc from 'gifenc';
import { GradscapeError } from './support.mjs';

const { GIFEncoder, applyPalette, quantize } = gifenc.default ?? gifenc;  // CommonJS in Node
const SAMPLE_FRAMES = 8;

let resvg;
async function loadResvg() {
  resvg ??= import('@resvg/resvg-js').catch(() => {
    throw new GradscapeError('.png and .gif need the optional dependency @resvg/resvg-js, which is not installed: ' +
      'run `npm install @resvg/resvg-js` (an .svg output needs nothing more)');
  });
  return (await resvg).Resvg;
}

// resvg reads its fonts afresh for every image; the system's CJK collections (20 MB and more
// each) make that ~0.35 s, so a figure without wide characters gets only the font files under
// 4 MB of the usual font folders (~25 ms), and one with them (or where no folder is found) all.
const FONT_DIRS = [
  '/usr/share/fonts', '/usr/local/share/fonts', join(homedir(), '.local/share/fonts'), join(homedir(), '.fonts'),
  '/System/Library/Fonts', '/Library/Fonts', join(homedir(), 'Library/Fonts'), join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts'),
];
const SMALL_FONT = 4e6;
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

function fontFiles(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) fontFiles(path, out);
    else if (/\.(ttf|otf|ttc)$/i.test(entry.name) && statSync(path).size < SMALL_FONT) out.push(path);
  }
  return out;
}

let smallFonts;
const FAMILIES = { sansSerifFamily: 'DejaVu Sans', serifFamily: 'DejaVu Serif' };
function fontOptions(svg) {
  smallFonts ??= FONT_DIRS.flatMap((dir) => fontFiles(dir));
  if (WIDE.test(svg) || !smallFonts.length) return { loadSystemFonts: true, ...FAMILIES };
  return { loadSystemFonts: false, fontFiles: smallFonts, ...FAMILIES };
}

/** A rasteriser: svg text → { width, height, pixels (premultiplied RGBA), png() }. */
export async function rasteriser() {
  const Resvg = await loadResvg();
  return (svg) => {
    const image = new Resvg(svg, { font: fontOptions(svg), background: 'rgba(0, 0, 0, 0)', imageRendering: 0 }).render();
    return { width: image.width, height: image.height, pixels: image.pixels, png: () => image.asPng() };
  };
}

/** `top` (premultiplied RGBA, as resvg renders) drawn over the opaque `base`: a new RGBA array. */
export function over(base, top) {
  const out = new Uint8Array(base.length);
  for (let i = 0; i < base.length; i += 4) {
    const k = 1 - top[i + 3] / 255;
    out[i] = top[i] + base[i] * k;
    out[i + 1] = top[i + 1] + base[i + 1] * k;
    out[i + 2] = top[i + 2] + base[i + 2] * k;
    out[i + 3] = 255;
  }
  return out;
}

/**
 * The GIF bytes of `frames` (each a function returning RGBA pixels of width × height), each shown
 * 1/fps s, the last one `hold` s longer. Every frame after the first writes only the pixels that
 * changed (the rest transparent over the frame before), so a clip whose field stays put is small.
 */
export function gifBytes(frames, { width, height, fps, hold }) {
  const rendered = frames.map((frame) => frame());
  const sampled = Math.min(SAMPLE_FRAMES, rendered.length);
  const picks = [...new Set(Array.from({ length: sampled }, (_, k) => Math.round((k * (rendered.length - 1)) / Math.max(1, sampled - 1))))];
  const sample = new Uint8Array(picks.length * width * height * 4);
  picks.forEach((k, j) => sample.set(rendered[k], j * width * height * 4));
  const palette = quantize(sample, 255);
  const transparentIndex = palette.length;
  palette.push([0, 0, 0]);
  const gif = GIFEncoder();
  const delay = Math.round(1000 / fps);
  let previous = null;
  rendered.forEach((pixels, k) => {
    const index = applyPalette(pixels, palette.slice(0, transparentIndex));
    const frameDelay = k === rendered.length - 1 ? delay + Math.round(hold * 1000) : delay;
    if (!previous) {
      gif.writeFrame(index, width, height, { palette, delay: frameDelay, repeat: 0, dispose: 1 });
    } else {
      const delta = index.map((c, i) => (c === previous[i] ? transparentIndex : c));
      gif.writeFrame(delta, width, height, { delay: frameDelay, transparent: true, transparentIndex, dispose: 1 });
    }
    previous = index;
  });
  gif.finish();
  return gif.bytes();
}
