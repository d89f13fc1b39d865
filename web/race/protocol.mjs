// What every race result states above its leaderboard: the protocol in one paragraph (the engine's
// result.protocol) and badges for what most changes an order: gradient clipping, the step budgets,
// the trials and starts, and where f* comes from.
import { el } from '../lib/dom.mjs';
import { formatInt, formatValue } from '../lib/format.mjs';

const F_STAR = { known: 'the known minimum', given: 'given', best_found: 'the best loss found' };

/** The badges of `result` (a race result, or its resolved config while it runs). */
export function badges(result) {
  const fixed = !!result.start;
  const clipped = result.clip_norm > 0;
  const tuning = result.tuning_steps !== result.steps ? `, tuning ${formatInt(result.tuning_steps)}` : '';
  const starts = fixed ? `one start (${result.start.map(formatValue).join(', ')})`
    : `${formatInt(result.tuning_starts)} tuning + ${formatInt(result.held_out_starts)} held-out starts`;
  const list = [
    [clipped ? `gradients clipped to norm ${formatValue(result.clip_norm)}` : 'no gradient clipping', clipped ? 'rc-badge-warn' : ''],
    [`budget T = ${formatInt(result.steps)} steps${tuning}`, ''],
    [`${formatInt(result.trials)} ${result.search} trials`, ''],
    [starts, fixed ? 'rc-badge-warn' : ''],
    ...(result.seeds > 1 ? [[`${result.seeds} noise seeds`, '']] : []),
    ...(result.f_star_from ? [[`f* = ${formatValue(result.f_star)} (${F_STAR[result.f_star_from] ?? result.f_star_from})`, '']] : []),
  ];
  return el('p', { class: 'rc-badges' }, ...list.map(([text, extra]) => el('span', { class: `rc-badge ${extra}`.trim() }, text)));
}

/** The protocol paragraph and the badges of `result` (null protocol: the config's badges alone). */
export function protocolBlock(result) {
  return el('div', { class: 'rc-protocol' },
    result.protocol ? el('p', { class: 'rc-protocol-text' }, result.protocol) : null, badges(result));
}
