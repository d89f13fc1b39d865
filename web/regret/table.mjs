// The runs table of the regret lab: per run its latest certified R(t), R(t)/t, the exponent k of
// R ∝ tᵏ over the latest decade, Theorem 4.1's bound (n/a, with the engine's reason, where it
// does not apply), x_t for 1-D problems and a status; the caption gives the best fixed point in
// hindsight and why a run has no bound. The run a story is about is marked (lib/selected-run.mjs).
import { growth, latest } from './findings.mjs';
import { markSelectedRow } from '../lib/selected-run.mjs';
import { formatInt, formatNumber, formatT } from '../lib/format.mjs';

/**
 * Fills `root` with the table of `job` (runner.mjs RunData with meta and dim set by the app);
 * `selected`: the index of the run a story is about (marked), or null.
 */
export function renderRuns(root, job, crossings, selected = null) {
  const oneD = job.dim === 1;
  const table = document.createElement('table');
  table.className = 'rg-table';
  const head = table.createTHead().insertRow();
  for (const [h, className] of [['run'], ['R(t)'], ['R(t)/t'], ['R ∝ tᵏ', 'rg-minor'], ['bound'], ...(oneD ? [['xₜ', 'rg-minor']] : []), ['status']]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    if (className) th.className = className;
    head.append(th);
  }
  const body = table.createTBody();
  job.meta.forEach((meta, i) => {
    const row = body.insertRow();
    row.style.setProperty('--run-colour', meta.color);
    const now = latest(job, i);
    const info = job.runs[i].status;
    const name = row.insertCell();
    name.className = 'rg-name';
    name.innerHTML = '<span class="swatch"></span>';
    name.append(meta.label);
    for (const v of [now?.regret, now?.average]) row.insertCell().textContent = now ? formatNumber(v, 4) : '–';
    const k = growth(job, i);
    const exponent = row.insertCell();
    exponent.className = 'rg-minor';
    exponent.textContent = k == null ? '–' : `k = ${k.toFixed(2)}`;
    exponent.title = 'slope of log R against log t over the latest decade of t (½: √t regret, 1: linear)';
    const bound = row.insertCell();
    bound.textContent = info?.bound_note ? 'n/a' : (now ? formatNumber(now.bound, 4) : '–');
    if (info?.bound_note) bound.title = info.bound_note;
    if (oneD) {
      const x = row.insertCell();
      x.className = 'rg-minor';
      x.textContent = now ? formatNumber(now.iterate, 4) : '–';
    }
    const status = row.insertCell();
    if (info?.status === 'diverged') {
      status.textContent = `diverged at t = ${formatInt(info.diverged_at)}`;
      status.title = info.message ?? '';
      status.className = 'rg-bad';
    } else if (crossings[i]) {
      status.textContent = `above its bound from t = ${formatT(crossings[i].t)}`;
      status.className = 'rg-bad';
    } else {
      status.textContent = job.state === 'done' ? 'ok' : job.state;
    }
  });
  const caption = table.createCaption();
  caption.textContent = tableCaption(job);
  markSelectedRow(table, selected);
  root.replaceChildren(table);
}

function tableCaption(job) {
  if (!job.count) return 'No points recorded yet.';
  const parts = [`At t = ${formatInt(job.t.data[job.count - 1])}.`];
  const comparator = job.comparator;
  if (comparator) {
    const x = comparator.x.slice(0, 3).map((v) => formatNumber(v, 4)).join(', ');
    const more = job.dim > 3 ? `, … (${formatInt(job.dim)} coordinates)` : '';
    const solved = comparator.tolerance > 0 ? `, solved to a duality gap of ${formatNumber(comparator.tolerance, 2)}` : '';
    parts.push(`Best fixed point in hindsight x* = (${x}${more})${solved}.`);
  }
  const notes = new Map();
  job.runs.forEach((run, i) => {
    const note = run.status?.bound_note;
    if (note) notes.set(note, [...(notes.get(note) ?? []), job.meta[i].label]);
  });
  for (const [note, labels] of notes) parts.push(`No Theorem 4.1 bound for ${labels.join(', ')}: ${note}.`);
  return parts.join(' ');
}
