// How two races of the same optimizers order them differently (a protocol beside the fair one):
// one sentence naming each race's winner and every optimizer that moves, by how many places.
import { entryName } from './entries.mjs';

function ordinal(n) {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th')}`;
}

/** The places (1-based positions in `ranking`) of each entry. */
const placesOf = (result) => Object.fromEntries(result.ranking.map((e, k) => [e, k + 1]));

/**
 * "Under kozistr's protocol AdaGrad is 1st, under the fair protocol Adam. From the first order to the
 * second, 9 of 12 optimizers move: Adam up 4 (5th → 1st), …; 3 keep their place." names: the two races'.
 */
export function orderChange(left, right, names) {
  if (!left?.ranking || !right?.ranking) return '';
  const a = placesOf(left);
  const b = placesOf(right);
  const moves = left.ranking.map((e) => ({ e, from: a[e], to: b[e] })).filter((m) => m.to !== m.from)
    .sort((m, n) => Math.abs(n.to - n.from) - Math.abs(m.to - m.from) || m.to - n.to);
  const name = (e) => entryName(right.entries[e]);
  const winners = left.ranking[0] === right.ranking[0]
    ? `${name(left.ranking[0])} is 1st under both ${names[0]} and ${names[1]}`
    : `Under ${names[0]} ${name(left.ranking[0])} is 1st, under ${names[1]} ${name(right.ranking[0])}`;
  if (!moves.length) return `${winners}, and the two orders are the same.`;
  const steps = (m) => `${name(m.e)} ${m.to < m.from ? 'up' : 'down'} ${Math.abs(m.to - m.from)} (${ordinal(m.from)} → ${ordinal(m.to)})`;
  const kept = left.ranking.length - moves.length;
  return `${winners}. From the first order to the second, ${moves.length} of ${left.ranking.length} optimizers move: ${moves.map(steps).join(', ')}${kept ? `; ${kept} ${kept === 1 ? 'keeps its' : 'keep their'} place` : ''}.`;
}
