// Each figure's claim in the Adam paper (Kingma & Ba, ICLR 2015, Section 6) in one sentence, and
// whether this run agrees, computed from the grid summaries (summary.mjs): the chosen learning
// rate's final training loss, mean over the seeds. Nothing is hard-coded: where the paper's
// ordering does not hold in this setting, the verdict says so. "As fast as" means a final loss
// within SIMILAR (10%) of the other's; "by a large margin" at least MARGIN (10%) lower. Fig. 4's
// "β₂ close to 1" is every β₂ of the grid at least CLOSE_TO_ONE (0.999, the paper's two largest).
import { formatNumber } from '../lib/format.mjs';

const SIMILAR = 0.10;
const MARGIN = 0.10;
const CLOSE_TO_ONE = 0.999;

const isNesterov = (o) => o.name === 'nag' || (o.name === 'sgd' && o.nesterov);
const FINDERS = {
  adam: (o) => o.name === 'adam',
  adagrad: (o) => o.name === 'adagrad',
  sgd: isNesterov,
  rmsprop: (o) => o.name === 'rmsprop',
  adadelta: (o) => o.name === 'adadelta',
};

export const CLAIMS = {
  '1l': 'Adam converges as fast as SGD with Nesterov momentum, and both faster than AdaGrad (§6.1).',
  '1r': 'On sparse features AdaGrad beats SGD with Nesterov momentum by a large margin, and Adam converges as fast as AdaGrad (§6.1).',
  2: 'Adam reaches the lowest training loss of all the methods (§6.2).',
  4: 'Without bias correction, β₂ close to 1 makes training unstable, and the best results use bias correction (§6.4).',
};

const pct = (a, b) => `${formatNumber((100 * Math.abs(a - b)) / b, 2)}%`;

/** Per optimizer kind: {index, label, loss} of the first entry of that kind with a finite final loss. */
function finals(grids, config, labels) {
  const out = {};
  config.optimizers.forEach((o, i) => {
    for (const [kind, match] of Object.entries(FINDERS)) {
      if (out[kind] || !match(o)) continue;
      const g = grids[i];
      const loss = g?.chosen_lr == null ? null : g.final_train_loss[g.lr_grid.indexOf(g.chosen_lr)];
      out[kind] = { index: i, label: labels[i], loss };
    }
  });
  return out;
}

/** A check's parts: [{text, ok}] and the overall verdict (true, false, or null when it cannot be judged). */
function verdict(parts) {
  if (parts.some((p) => p.ok === null)) return { parts, ok: null };
  return { parts, ok: parts.every((p) => p.ok) };
}

function missing(f, kinds) {
  const absent = kinds.filter((k) => !f[k] || f[k].loss == null);
  return absent.length ? { parts: [{ text: `needs ${absent.join(', ')} with a finished, finite run (not in this run)`, ok: null }], ok: null } : null;
}

function similar(a, b) {
  const ok = Math.abs(a.loss - b.loss) <= SIMILAR * Math.min(a.loss, b.loss);
  const order = a.loss <= b.loss ? `${pct(b.loss, a.loss)} below` : `${pct(a.loss, b.loss)} above`;
  return { text: `${a.label} ${formatNumber(a.loss, 3)} vs ${b.label} ${formatNumber(b.loss, 3)} (${order}): ${ok ? 'as fast' : 'not as fast'}`, ok };
}

function lower(a, b, margin = 0) {
  const ok = a.loss < b.loss * (1 - margin);
  return { text: `${a.label} ${formatNumber(a.loss, 3)} ${a.loss < b.loss ? 'below' : 'not below'} ${b.label} ${formatNumber(b.loss, 3)}${a.loss < b.loss ? ` by ${pct(b.loss, a.loss)}` : ''}`, ok };
}

function checkCurves(figure, grids, config, labels) {
  const f = finals(grids, config, labels);
  if (figure === '1l') {
    return missing(f, ['adam', 'sgd', 'adagrad']) ?? verdict([
      similar(f.adam, f.sgd), lower(f.adam, f.adagrad), lower(f.sgd, f.adagrad),
    ]);
  }
  if (figure === '1r') {
    return missing(f, ['adam', 'sgd', 'adagrad']) ?? verdict([
      { ...lower(f.adagrad, f.sgd, MARGIN), text: `${lower(f.adagrad, f.sgd).text} (a large margin: ≥ ${100 * MARGIN}%)` },
      f.adam.loss <= f.adagrad.loss ? { text: `${f.adam.label} ${formatNumber(f.adam.loss, 3)} at or below ${f.adagrad.label} ${formatNumber(f.adagrad.loss, 3)}`, ok: true } : similar(f.adam, f.adagrad),
    ]);
  }
  const all = Object.values(f);
  if (!f.adam || f.adam.loss == null || all.filter((e) => e.loss != null).length < 2) return missing(f, ['adam', 'another optimizer']);
  const others = all.filter((e) => e !== f.adam && e.loss != null).sort((a, b) => a.loss - b.loss);
  const best = others[0];
  return verdict([f.adam.loss < best.loss
    ? { text: `${f.adam.label} ${formatNumber(f.adam.loss, 3)} is the lowest, ${pct(best.loss, f.adam.loss)} below the next, ${best.label} ${formatNumber(best.loss, 3)}`, ok: true }
    : { text: `${best.label} ${formatNumber(best.loss, 3)} is lower than ${f.adam.label} ${formatNumber(f.adam.loss, 3)} (by ${pct(f.adam.loss, best.loss)})`, ok: false }]);
}

// A cell's budget is pending while some α of it (with or without bias correction) has not reached
// it: its value is null until then (ablation.mjs), so it is judged only once every α has.
const PENDING = 'pending: still training';

function checkAblation(table) {
  const { cells, beta2 } = table;
  const finite = (v) => v != null && Number.isFinite(v);
  const pending = (cell, budget) => cell.corrected[budget].includes(null) || cell.uncorrected[budget].includes(null);
  const best = (cell, budget) => Math.min(...cell[budget].filter(finite));
  const parts = [];
  const worst = (cell, budget) => (cell[budget].some((v) => Number.isNaN(v)) ? Infinity : Math.max(...cell[budget].filter(finite)));
  if (!beta2.some((b) => b >= CLOSE_TO_ONE)) {
    parts.push({ text: `needs a β₂ of at least ${CLOSE_TO_ONE} (close to 1) in the grid, got ${beta2.join(', ')}`, ok: null });
  }
  for (const c of cells.filter((c) => c.beta2 >= CLOSE_TO_ONE)) {
    if (pending(c, 'short')) {
      parts.push({ text: `β₁ ${c.beta1}, β₂ ${c.beta2}, after the short budget: ${PENDING}`, ok: null });
      continue;
    }
    const on = worst(c.corrected, 'short');
    const off = worst(c.uncorrected, 'short');
    const ok = Number.isFinite(on) && off > on * (1 + MARGIN);
    const words = (v) => (Number.isFinite(v) ? formatNumber(v, 4) : 'diverged');
    parts.push({ text: `β₁ ${c.beta1}, β₂ ${c.beta2}, after the short budget, worst loss over α: uncorrected ${words(off)} vs corrected ${words(on)} (${ok ? 'unstable without' : 'no sign of instability'})`, ok });
  }
  if (cells.some((c) => pending(c, 'long'))) {
    parts.push({ text: `lowest loss after the longer budget: ${PENDING}`, ok: null });
    return verdict(parts);
  }
  let overall = { loss: Infinity };
  for (const c of cells) {
    for (const bias of ['corrected', 'uncorrected']) {
      const loss = best(c[bias], 'long');
      if (loss < overall.loss) overall = { loss, bias, cell: c };
    }
  }
  if (Number.isFinite(overall.loss)) {
    parts.push({ text: `lowest loss after the longer budget: ${formatNumber(overall.loss, 4)}, ${overall.bias}, at β₁ ${overall.cell.beta1}, β₂ ${overall.cell.beta2}`, ok: overall.bias === 'corrected' });
  }
  return parts.length ? verdict(parts) : { parts: [{ text: 'no finished run yet', ok: null }], ok: null };
}

/** {claim, ok (true | false | null), parts: [{text, ok}], partial} for the figure of a job's state. */
export function checkClaim({ figure, grids, config, labels, ablation, finished }) {
  const result = figure === '4' ? (ablation ? checkAblation(ablation) : { parts: [{ text: 'the ablation grid is not set', ok: null }], ok: null })
    : checkCurves(figure, grids, config, labels);
  return { claim: CLAIMS[figure], ...result, partial: !finished };
}

/** Renders a checkClaim() result into `box`. */
export function renderClaim(box, check) {
  const word = check.ok === null ? 'cannot tell' : (check.ok ? 'yes' : 'no');
  box.dataset.agrees = String(check.ok);
  const head = document.createElement('p');
  head.className = 'pp-claim-text';
  const strong = document.createElement('strong');
  strong.textContent = 'The paper: ';
  head.append(strong, check.claim);
  const answer = document.createElement('p');
  answer.className = 'pp-claim-answer';
  answer.dataset.role = 'verdict';
  const badge = document.createElement('span');
  badge.className = `pp-badge pp-badge-${word.replace(' ', '-')}`;
  badge.textContent = word;
  answer.append(`${check.partial ? 'This run so far' : 'This run'} agrees: `, badge);
  const list = document.createElement('ul');
  for (const p of check.parts) {
    const li = document.createElement('li');
    li.textContent = `${p.text}${p.ok === null ? '' : (p.ok ? ' ✓' : ' ✗')}`;
    li.dataset.ok = String(p.ok);
    list.append(li);
  }
  box.replaceChildren(head, answer, list);
}
