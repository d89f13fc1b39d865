// The legend under a chart: one entry per model legend entry (swatch, label, note, live value),
// a click or Enter toggles its series, and the values follow the cursor while hovering.
import { el, setText } from '../../lib/dom.mjs';
import { formatStep, formatValue } from '../../lib/format.mjs';
import { lineSwatch } from '../../lib/line-swatch.mjs';
import { isLog, unshown } from './log-axis.mjs';

// A legend swatch: a short line in the series' colour and dash.
const swatch = (color, dash) => lineSwatch(color, dash, { width: 26, className: 'gs-legend-swatch' });

/**
 * new ChartLegend(node, hidden, onToggle) fills node; hidden is the chart's Set of hidden legend
 * keys, which a toggle edits before calling onToggle().
 */
export class ChartLegend {
  constructor(node, hidden, onToggle) {
    this.node = node;
    this.hidden = hidden;
    this.onToggle = onToggle;
    this.items = null;
    this.key = '';
  }

  /** Takes the model's legend entries, rebuilding the DOM only when they changed. */
  update(model) {
    const key = JSON.stringify(model.legend.map((e) => [e.key, e.label, e.color, e.dash, e.note, e.off, e.title, this.hidden.has(e.key)]));
    if (key !== this.key) {
      this.key = key;
      this.#build(model);
    }
    model.legend.forEach((entry, k) => {
      this.items[k].entry = entry;
    });
  }

  #build(model) {
    this.cursorEl = el('span', { class: 'gs-legend-cursor' });
    this.items = model.legend.map((entry) => {
      const item = el('span', { class: `gs-legend-item${entry.off ? ' off' : ''}${entry.static ? ' static' : ''}` });
      item.title = entry.title || '';
      const value = el('span', { class: 'gs-legend-value' });
      item.append(swatch(entry.color, entry.dash), el('span', { class: 'gs-legend-label' }, entry.label));
      if (entry.note) item.append(el('span', { class: `gs-legend-note${entry.off ? '' : ' alert'}` }, entry.note));
      if (entry.series.length) item.append(value);
      if (!entry.static) {
        item.setAttribute('role', 'button');
        item.tabIndex = 0;
        item.classList.toggle('is-hidden', this.hidden.has(entry.key));
        item.addEventListener('click', () => this.#toggle(entry.key));
        item.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && this.#toggle(entry.key));
      }
      return { entry, node: item, value };
    });
    this.node.replaceChildren(this.cursorEl, ...this.items.map((item) => item.node));
  }

  #toggle(key) {
    if (this.hidden.has(key)) this.hidden.delete(key);
    else this.hidden.add(key);
    this.onToggle();
  }

  /** The values of `plot` drawing `model`: at the cursor while hovering, else each series' latest. */
  show(plot, model) {
    if (!this.items) return;
    const idx = plot?.cursor.idx;
    const hovering = idx != null && plot.data[0].length > idx;
    setText(this.cursorEl, hovering ? `t = ${formatStep(plot.data[0][idx])}` : '');
    for (const item of this.items) {
      if (!item.entry.series.length) continue;
      const k = item.entry.series[0];
      const v = hovering ? unshown(plot.data[k + 1][idx], isLog(model, model.series[k].scale)) : item.entry.latest;
      setText(item.value, formatValue(v));
    }
  }
}
