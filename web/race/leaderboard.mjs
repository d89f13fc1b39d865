// The leaderboard of one race result (docs/schema.md, "Race result"): a row per optimizer in rank
// order (config order while the race runs) with its rank, its tuned values under its name, its 90%
// bootstrap rank interval, success rate, median steps to ε with its interquartile range, median
// final loss, diverged runs and a button that opens its tuned run from a held-out start in the landscape; and under it
// which orders the race leaves unsettled (the entries whose rank intervals overlap).
import { el } from '../lib/dom.mjs';
import { formatInt, formatNumber, formatValue } from '../lib/format.mjs';
import { lineSwatch } from '../lib/line-swatch.mjs';
import { entryName, entryStyle, tunedText } from './entries.mjs';

// [header, its explanation, whether the compact table (two boards side by side, narrow screens) has it]
const HEADERS = [
  ['rank', 'rank: 1 is best (tied medians share their mean rank)', true],
  ['optimizer', 'the optimizer, and its best trial’s values', true],
  ['90% interval', 'the 5th and 95th percentiles of the rank over paired bootstrap resamples of the held-out runs', true],
  ['success', 'held-out runs that reached f − f* ≤ ε', false],
  ['steps to ε', 'median steps to ε over the held-out runs (unreached: T + 1), and the interquartile range', true],
  ['final loss', 'median final loss of the held-out runs', true],
  ['diverged', 'held-out runs that diverged', false],
];

const rankText = (r) => (r == null ? '–' : Number.isInteger(r) ? String(r) : r.toFixed(1));

/** Entry indices in rank order once ranked, else in config order. */
export const rankOrder = (result) => result.ranking ?? result.entries.map((_, i) => i);

function stepsCell(summary, steps) {
  if (!summary) return '–';
  const text = (v) => (v > steps ? `>${formatInt(steps)}` : formatInt(v));
  const [q1, q3] = summary.steps_iqr;
  const median = summary.steps_median > steps ? `> ${formatInt(steps)}` : formatInt(summary.steps_median);
  if (q1 > steps) return median;  // every quartile unreached: no range to show
  return el('span', {}, median, el('span', { class: 'rc-minor rc-iqr' }, ` (${text(q1)}–${text(q3)})`));
}

/**
 * The table of `result`; tunes[i]: what entry i tunes; onOpen(i) opens entry i in the landscape
 * (null: no buttons, as in the web component's compact view); compact: the narrow columns only
 * (the others, class rc-extra, are hidden by race.css, as they are on narrow screens).
 */
export function leaderboardTable(result, tunes, onOpen = null, { compact = false } = {}) {
  const table = el('table', { class: `rc-table${compact ? ' rc-compact' : ''}` });
  const head = table.createTHead().insertRow();
  for (const [text, title, narrow] of HEADERS) head.append(el('th', { scope: 'col', title, ...(narrow ? {} : { class: 'rc-extra' }) }, text));
  if (onOpen) head.append(el('th', { scope: 'col', title: 'open the tuned run in the landscape' }));
  const body = table.createTBody();
  const cell = (row, extra = false) => {
    const td = row.insertCell();
    if (extra) td.className = 'rc-extra';
    return td;
  };
  for (const i of rankOrder(result)) {
    const entry = result.entries[i];
    const s = entry.summary;
    const row = body.insertRow();
    row.dataset.entry = String(i);
    const { colour, dash } = entryStyle(i);
    cell(row).textContent = rankText(entry.rank);
    const name = cell(row);
    name.className = 'rc-name';
    name.append(lineSwatch(colour, dash), ` ${entryName(entry)}`, el('span', { class: 'rc-tuned' }, tunedText(entry, tunes[i] ?? [], formatValue)));
    const interval = cell(row);
    interval.className = 'rc-interval';
    interval.textContent = entry.rank_interval ? `${rankText(entry.rank_interval[0])}–${rankText(entry.rank_interval[1])}` : '–';
    cell(row, true).textContent = s ? `${Math.round(100 * s.success_rate)}%` : '–';
    cell(row).append(stepsCell(s, result.steps));
    cell(row).textContent = s ? formatNumber(s.final_loss_median) : '–';
    const diverged = cell(row, true);
    diverged.textContent = s ? `${formatInt(s.diverged)} / ${formatInt(s.runs)}` : '–';
    if (s?.diverged) diverged.classList.add('rc-bad');
    if (onOpen) {
      const label = `Open ${entryName(entry)} in landscape`;
      const open = el('button', { type: 'button', class: 'rc-open', title: `${label}: its tuned run from the first held-out start`, 'aria-label': label },
        el('span', { class: 'rc-open-long' }, 'Open in landscape'), el('span', { class: 'rc-open-short' }, 'Open ↗'));
      open.disabled = !s;
      open.addEventListener('click', () => onOpen(i));
      cell(row).append(open);
    }
  }
  return table;
}

/**
 * The orders the race leaves unsettled, one sentence per entry whose interval overlaps later ones
 * ("Adam and NAdam: intervals overlap, order not settled."), or that none does, or that one run per
 * optimizer cannot tell; [] before ranks.
 */
export function overlapSentences(result) {
  if (!result.ranking || result.ranking.length < 2) return [];
  if (result.held_out_points.length * result.noise_seeds.length === 1) {
    return ['One held-out run per optimizer: a rank interval resampled from one run cannot say how settled the order is.'];
  }
  const position = new Map(result.ranking.map((e, k) => [e, k]));
  const sentences = [];
  for (const i of result.ranking) {
    const later = (result.entries[i].overlaps ?? []).filter((j) => position.get(j) > position.get(i))
      .sort((a, b) => position.get(a) - position.get(b)).map((j) => entryName(result.entries[j]));
    if (!later.length) continue;
    const others = later.length === 1 ? later[0] : `${later.slice(0, -1).join(', ')} and ${later.at(-1)}`;
    sentences.push(`${entryName(result.entries[i])} and ${others}: intervals overlap, order not settled.`);
  }
  return sentences.length ? sentences : ['No two rank intervals overlap: this race settles the whole order.'];
}
