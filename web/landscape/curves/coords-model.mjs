// What the coordinates chart plots, as a model for Chart.render: the selected run's effective
// learning rate and moments, x and y, with a note on each moment its optimizer does not have, and
// its optimizer's own scalar where it has one (Prodigy's d_k against the true distance).
import { decimate } from './decimate.mjs';
import { divergedNote } from './series.mjs';
import { momentLabels } from '../../lib/optimizer-facts.mjs';

// Why a moment is missing: the optimizer has none, or its momentum is off (SGD, RMSProp).
function unusedNote({ optimizer, displayName }, first) {
  const momentumOff = first && optimizer && 'momentum' in optimizer && !(optimizer.momentum > 0);
  return momentumOff ? `(not used by ${displayName} without momentum)` : `(not used by ${displayName})`;
}

const Y_DASH = [5, 3];

// The x and y series of one per-coordinate quantity (y dashed); `note` says why it is missing.
function coordSeries(quantity, axis, color, labels, available, note) {
  return ['x', 'y'].map((coord, c) => ({
    key: `${quantity}${coord}`,
    label: `${labels} ${coord}`,
    color,
    dash: c ? Y_DASH : null,
    scale: axis,
    available,
    note: available ? '' : note,
  }));
}

// An optimizer's own scalar (its registry's curve_label: Prodigy's distance estimate d_k) on the
// right axis, with its true value, the distance from the start to the minimum the run approaches,
// dotted where that minimum is known.
function curveSeries(run, theme) {
  const label = run.info?.curve_label;
  if (!label) return [];
  const known = Number.isFinite(run.curveReference);
  return [
    { key: 'curve', label, color: theme.accent, dash: null, scale: 'y2', available: true, note: '' },
    { key: 'curveRef', label: '‖x₀ − x*‖ (true distance)', color: theme.muted, dash: [1.5, 3.5], scale: 'y2',
      available: known, note: known ? '' : '(no known minimum)' },
  ];
}

// The selected run per coordinate: effective learning rate (left axis) and moments (right axis).
export function coordsModel(chart, run) {
  if (!run) {
    chart.column(0).length = 0;
    return { title: 'Per coordinate', x: { label: 'step t' }, y: [{ key: 'y', label: '', log: true }], series: [], legend: [], markers: [] };
  }
  const group = run.groups.coords;
  const { buckets, two } = decimate(chart, [[run, group]], chart.columns());
  const pending = group.count <= 1;
  const has = (c) => pending || group.channels[c].lastAt >= 0 || group.channels[c + 1].lastAt >= 0;
  const names = momentLabels(run.info, run.optimizer);
  const theme = chart.theme;
  const defs = [
    ...coordSeries('lr', 'y', theme.q1, 'eff. lr', true, ''),
    ...coordSeries('m1', 'y2', theme.q2, names.first, has(2), unusedNote(run, true)),
    ...coordSeries('m2', 'y2', theme.q3, names.second, has(4), unusedNote(run, false)),
    ...curveSeries(run, theme),
  ];
  defs.forEach((def, c) => group.channels[c].write(chart.column(c + 1), buckets, two, true));
  // A diverged run's quantities all climb with it: none is a survivor to cap the axes at.
  const diverged = divergedNote(run);
  const series = defs.map((d) => ({ ...d, show: d.available && !chart.hidden.has(d.key), diverged }));
  const moments = [defs[2], defs[4]].filter((d) => d.available).map((d) => d.label.slice(0, -2));
  if (defs[6]) moments.push(defs[6].label);
  return {
    title: `${run.label}: per coordinate`,
    x: { label: 'step t' },
    y: [
      { key: 'y', label: 'effective lr |Δθᵢ|/|gᵢ|', log: true },
      { key: 'y2', label: moments.join(', ') || 'moments', log: true, side: 'right', show: moments.length > 0 },
    ],
    series,
    legend: defs.map((d, c) => ({ key: d.key, label: d.label, color: d.color, dash: d.dash, series: d.available ? [c] : [],
      note: d.note, off: !d.available, static: !d.available, latest: group.channels[c].last })),
    caption: run.hasDiagnostics || run.points <= 1 ? ''
      : 'Per-step diagnostics were not recorded: call session.recordDiagnostics(true) before configure().',
    markers: [],
  };
}
