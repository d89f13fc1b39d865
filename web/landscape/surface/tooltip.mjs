// The hover tooltip of the surface view: a positioned <div> naming the run, the step, the point
// and its loss, placed beside the pointer and kept inside the component.

import { formatPrecise } from '../../lib/format.mjs';

export function createTooltip() {
  const tip = document.createElement('div');
  tip.className = 'gs-surface-tooltip';
  tip.hidden = true;
  Object.assign(tip.style, { position: 'absolute', pointerEvents: 'none' });
  return tip;
}

/** Shows the hover `info` ({ label, step, x, y, loss }) in the run's colour near the pointer p. */
export function showTooltip(tip, info, p, colour, { width, height }) {
  const head = document.createElement('div');
  head.className = 'gs-surface-tooltip-head';
  const swatch = document.createElement('span');
  swatch.className = 'gs-surface-swatch';
  swatch.style.background = colour;
  const label = document.createElement('strong');
  label.textContent = info.label;
  head.append(swatch, label, ` · step ${info.step}`);
  const at = document.createElement('div');
  at.textContent = `x = ${formatPrecise(info.x)}, y = ${formatPrecise(info.y)}`;
  const loss = document.createElement('div');
  loss.textContent = `loss = ${formatPrecise(info.loss)}`;
  tip.replaceChildren(head, at, loss);
  tip.hidden = false;
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  const left = p.x + 14 + w > width ? p.x - 14 - w : p.x + 14;
  const top = p.y + 14 + h > height ? p.y - 14 - h : p.y + 14;
  tip.style.left = `${Math.max(0, Math.min(left, width - w))}px`;
  tip.style.top = `${Math.max(0, top)}px`;
}
