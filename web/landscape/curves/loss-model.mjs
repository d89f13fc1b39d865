// What the loss chart plots, as a model for Chart.render: title, axis, one series and legend
// entry per run, and a marker where a run diverged.
import { decimate } from './decimate.mjs';
import { divergedNote, lastMarker } from './series.mjs';

// Loss vs step: every run, log y when every value shown is positive.
export function lossModel(chart, runs, opts) {
  const offset = Number.isFinite(opts.lossOffset) ? opts.lossOffset : 0;
  runs.forEach((run, k) => { run.hidden = chart.hidden.has(`run${k}`); });
  const { buckets, two } = decimate(chart, runs.map((r) => [r, r.groups.loss]), chart.columns());
  const log = runs.every((r) => !(r.groups.loss.channels[0].min - offset <= 0));
  const series = runs.map((run, k) => {
    const channel = run.groups.loss.channels[0];
    channel.write(chart.column(k + 1), buckets, two, log, offset);
    return { label: run.label, color: run.color, dash: run.dash, scale: 'y', show: !run.hidden, diverged: divergedNote(run) };
  });
  return {
    title: offset ? 'Loss above the minimum vs step' : 'Loss vs step',
    x: { label: 'step t' },
    y: [{ key: 'y', label: offset ? 'f(θₜ) − f*' : 'loss f(θₜ)', log }],
    series,
    legend: runs.map((run, k) => ({
      key: `run${k}`, label: run.label, color: run.color, dash: run.dash, series: [k], note: divergedNote(run),
      title: run.status?.message ?? '', latest: run.groups.loss.channels[0].last - offset,
    })),
    markers: runs.map((r) => lastMarker(r, r.groups.loss.channels[0], 'y', offset)).filter(Boolean),
  };
}
