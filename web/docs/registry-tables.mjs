// The docs page's reference tables, generated from the engine's registry (gs.registry) and, for the
// configs' fields, from the JSON Schema the engine's config tables generate (gradscape.schema.json,
// as docs/schema.md), so that every name, default and range is defined once, in C++. Formulas are
// typeset by typeset().
import { el } from '../lib/dom.mjs';
import { formatDefault, formatRange } from '../lib/format.mjs';

/** The hyperparameters a sweep axis can take: the real ones. */
const sweepable = (h) => h.type === 'real';
const code = (text) => el('code', {}, text);

/** A collapsible entry: its name and title always shown, the details on opening. */
const entry = (id, data, title, ...body) => el('details', { class: 'entry', id, ...data },
  el('summary', {}, el('span', { class: 'entry-title' }, ...title)), ...body);
const tex = (latex, display = false) => el(display ? 'div' : 'span', { class: `tex${display ? ' display' : ''}`, 'data-tex': latex }, latex);

function table(head, rows, attrs = {}) {
  return el('div', { class: 'table-wrap' }, el('table', attrs,
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows)));
}

/** Rows of a parameter table: name, type, default, allowed, description. */
function paramTable(params, { axis = false, id } = {}) {
  const head = ['name', 'type', 'default', 'allowed', 'description'];
  const rows = params.map((h) => el('tr', { 'data-param': h.name },
    el('td', {}, code(h.name), axis && sweepable(h) ? el('span', { class: 'badge', title: 'can be a sweep axis' }, 'axis') : ''),
    el('td', {}, h.type),
    el('td', { class: 'num' }, code(formatDefault(h))),
    el('td', { class: 'num' }, formatRange(h)),
    el('td', {}, h.description)));
  return table(head, rows, { id, class: 'params' });
}

export function optimizerTables(registry) {
  const summary = table(['name', 'optimizer', 'follows', 'hyperparameters'], registry.optimizers.map((o) => el('tr', {},
    el('td', {}, el('a', { href: `#opt-${o.name}` }, code(o.name))),
    el('td', {}, o.display_name),
    el('td', {}, o.source),
    el('td', {}, o.hyperparameters.map((h) => h.name).join(', ')))), { class: 'summary' });
  const cards = registry.optimizers.map((o) => entry(`opt-${o.name}`, { 'data-optimizer': o.name },
    [code(o.name), ' ', o.display_name, el('span', { class: 'muted' }, ` · ${o.source}`)],
    el('p', { class: 'entry-meta' }, o.description),
    tex(o.latex, true),
    paramTable(o.hyperparameters, { axis: true, id: `params-${o.name}` })));
  return [summary, ...cards];
}

export function scheduleTable(registry) {
  return [table(['name', 'rule', 'parameters', 'description'], registry.schedules.map((s) => el('tr', { 'data-schedule': s.name },
    el('td', {}, code(s.name)),
    el('td', {}, tex(s.latex)),
    el('td', {}, s.params.length ? el('ul', { class: 'plain' }, ...s.params.map((p) => el('li', {},
      code(p.name), ` = ${formatDefault(p)}, ${formatRange(p)}: ${p.description}`))) : '—'),
    el('td', {}, s.description))))];
}

const point = (xy) => `(${xy.join(', ')})`;
const round = (v) => Number(v.toPrecision(4));

export function objectiveTable(registry) {
  return registry.objectives.map((o) => entry(`objective-${o.name}`, { 'data-objective': o.name },
    [code(o.name), ' ', o.display_name, o.params.length ? el('span', { class: 'muted' }, ` · ${o.params.map((p) => p.name).join(', ')}`) : ''],
    tex(o.latex, true),
    el('p', { class: 'entry-meta' }, o.description),
    el('p', { class: 'entry-meta muted' },
      `View ${point([o.view[0], o.view[1]])} × ${point([o.view[2], o.view[3]])}; default start ${point(o.default_start)}; `,
      o.minima.length ? `minima: ${o.minima.map((m) => `${point([round(m.x), round(m.y)])} f = ${round(m.value)}${m.global ? ' (global)' : ''}`).join('; ')}.` : 'no minimum.'),
    o.params.length ? paramTable(o.params, { id: `params-objective-${o.name}` }) : ''));
}

export function problemTable(registry) {
  return registry.problems.map((p) => entry(`problem-${p.name}`, { 'data-problem': p.name },
    [code(p.name), ' ', p.display_name, el('span', { class: 'muted' }, ` · ${p.params.map((q) => q.name).join(', ')}`)],
    tex(p.latex, true),
    el('p', { class: 'entry-meta' }, p.description),
    el('p', { class: 'entry-meta muted' },
      `Dimension ${typeof p.dimension === 'number' ? p.dimension : `d (the parameter ${p.dimension})`}; default domain: ${p.default_domain.type} of radius ${p.default_domain.radius}; default start ${p.default_start}. Comparator: ${p.comparator}. Source: ${p.source}.`),
    p.params.length ? paramTable(p.params, { id: `params-problem-${p.name}` }) : ''));
}

export function domainTable(registry) {
  return [table(['type', 'description'], registry.domains.map((d) => el('tr', { 'data-domain': d.name },
    el('td', {}, code(d.name)), el('td', {}, d.description))))];
}

const typeOf = (p) => (p.$ref ? p.$ref.split('/').pop() : p.enum ? p.enum.join(' | ')
  : p.const !== undefined ? JSON.stringify(p.const) : p.type ?? '');

/** A config's fields from the configs' JSON Schema (gradscape.schema.json, generated from the engine's config tables). */
export function configTable(schema, name) {
  const config = schema.$defs[name];
  const rows = Object.entries(config.properties).map(([key, p]) => el('tr', { 'data-field': key },
    el('td', {}, code(key)),
    el('td', {}, typeOf(p)),
    el('td', { class: 'num' }, 'default' in p ? code(JSON.stringify(p.default)) : config.required?.includes(key) ? 'required' : ''),
    el('td', {}, p.description)));
  return [table(['field', 'type', 'default', 'description'], rows, { id: `fields-${name}`, class: 'config-fields' })];
}
