// What the step chart plots, as a model for Chart.render: each run's step size and, for the
// Adam family, its two bounds, with the legend entries and caption that explain the dashes.
import { decimate } from './decimate.mjs';
import { divergedNote, lastMarker } from './series.mjs';

const PAPER_DASH = [7, 4];
const EXACT_DASH = [1.5, 3.5];
const BOUND_CAPTION = "Dashed: the Adam paper's bound (Section 2.1), approximate; dotted: the exact worst case.";

// Step size |Δ_t|∞ vs step, with the Adam family's paper (dashed) and exact (dotted) bounds.
export function stepModel(chart, runs, opts) {
  runs.forEach((run, k) => { run.hidden = chart.hidden.has(`run${k}`); });
  const { buckets, two } = decimate(chart, runs.map((r) => [r, r.groups.step]), chart.columns());
  const series = [];
  const legend = [];
  let column = 1;
  runs.forEach((run, k) => {
    const on = !run.hidden;
    const [step, paper, exact] = run.groups.step.channels;
    legend.push({ key: `run${k}`, label: run.label, color: run.color, dash: run.dash, series: [series.length],
      note: divergedNote(run), title: run.status?.message ?? '', latest: step.last });
    step.write(chart.column(column++), buckets, two, true);
    series.push({ label: run.label, color: run.color, dash: run.dash, scale: 'y', show: on, diverged: divergedNote(run) });
    if (!run.adam) return;
    paper.write(chart.column(column++), buckets, two, true);
    series.push({ label: `${run.label} paper bound`, color: run.color, dash: PAPER_DASH, width: 1.25, scale: 'y', show: on, bound: true });
    exact.write(chart.column(column++), buckets, two, true);
    series.push({ label: `${run.label} exact bound`, color: run.color, dash: EXACT_DASH, width: 1.5, scale: 'y', show: on && opts.showExact, bound: true });
  });
  const bounds = runs.some((r) => r.adam);
  if (bounds) {
    legend.push({ key: 'paper', label: 'paper bound', color: chart.theme.muted, dash: PAPER_DASH, series: [], static: true });
    legend.push({ key: 'exact', label: 'exact bound', color: chart.theme.muted, dash: EXACT_DASH, series: [], static: true, off: !opts.showExact });
  }
  return {
    title: 'Step size |Δₜ| vs step',
    x: { label: 'step t' },
    y: [{ key: 'y', label: '|θₜ − θₜ₋₁|∞', log: true }],
    series,
    legend,
    caption: bounds ? BOUND_CAPTION : '',
    markers: runs.map((r) => lastMarker(r, r.groups.step.channels[0], 'y')).filter(Boolean),
  };
}
