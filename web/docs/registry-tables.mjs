// The docs page's reference tables, generated from the engine's registry (gs.registry) and, for the
// configs' fields, from the JSON Schema the engine's config tables generate (gradscape.schema.json,
// as docs/schema.md), so that every name, default and range is defined once, in C++. Formulas, the
// default rule's and each variant's, are the engine's (gs.formula), typeset by typeset().
import { el } from '../lib/dom.mjs';
import { formatDefault, formatRange } from '../lib/format.mjs';
import { formulaVariants } from '../lib/formula-variants.mjs';

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

/** The rule under each setting that changes it (formula-variants.mjs), as the engine runs it. */
function variantList(o, gs, base) {
  const variants = formulaVariants(o, (spec) => gs.formula(spec));
  if (o.latex !== base && !variants.some((v) => v.latex === o.latex)) {
    variants.push({ label: 'the general form (every setting)', latex: o.latex });
  }
  if (!variants.length) return '';
  return el('details', { class: 'variants', 'data-variants': o.name },
    el('summary', {}, `The rule with other settings (${variants.length})`),
    ...variants.map((v) => el('div', { class: 'variant', 'data-variant': v.label },
      el('p', { class: 'variant-label' }, v.label), tex(v.latex, true))));
}

export function optimizerTables(registry, gs) {
  const summary = table(['name', 'optimizer', 'follows', 'hyperparameters'], registry.optimizers.map((o) => el('tr', {},
    el('td', {}, el('a', { href: `#opt-${o.name}` }, code(o.name))),
    el('td', {}, o.display_name),
    el('td', {}, o.source),
    el('td', {}, o.hyperparameters.map((h) => h.name).join(', ')))), { class: 'summary' });
  const cards = registry.optimizers.map((o) => entry(`opt-${o.name}`, { 'data-optimizer': o.name },
    [code(o.name), ' ', o.display_name, el('span', { class: 'muted' }, ` · ${o.source}`)],
    el('p', { class: 'entry-meta' }, o.description),
    el('p', { class: 'rule-label' }, 'With its defaults:'),
    tex(gs.formula({ name: o.name }), true),
    variantList(o, gs, gs.formula({ name: o.name })),
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

// Where each shared definition of the JSON Schema is described on this page.
const DEFINITIONS = { objective: '#objectives', optimizer: '#optimizers', paper_optimizer: '#optimizers',
  schedule: '#schedules', problem: '#regret-config', axis: '#sweep-config', noise: '#run-config' };
const defName = (p) => p.$ref?.split('/').pop();

function typeOf(p) {
  if (p.$ref) return defName(p);
  if (p.oneOf) return p.oneOf.map(typeOf).join(' or ');
  if (p.const !== undefined) return Number.isInteger(p.const) ? 'integer' : typeof p.const;
  if (p.enum) return 'string';
  return p.type ?? '';
}

/** The values a JSON Schema property allows, in the interval notation of the registry tables. */
function allowed(p) {
  if (p.$ref) return el('a', { href: DEFINITIONS[defName(p)] ?? '#config' }, `see ${defName(p).replace('_', ' ')}`);
  if (p.oneOf) return p.oneOf.map((q) => { const a = allowed(q); return typeof a === 'string' ? a : a.textContent; }).join(' or ');
  if (p.const !== undefined) return JSON.stringify(p.const);
  if (p.enum) return p.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (p.type === 'array') {
    const count = p.minItems === p.maxItems ? `${p.minItems}` : `${p.minItems ?? 0} to ${p.maxItems ?? '∞'}`;
    if (p.items?.$ref) return `${count} ${defName(p.items).replace('_', ' ')} objects`;
    const items = p.items ? allowed(p.items) : '';
    return `${count} item${p.maxItems === 1 ? '' : 's'}${items ? `, each ${items}` : ''}`;
  }
  if (p.type === 'object' && p.properties) return Object.keys(p.properties).join(', ');
  const low = p.exclusiveMinimum ?? p.minimum;
  const high = p.exclusiveMaximum ?? p.maximum;
  if (low === undefined && high === undefined) return p.type === 'boolean' ? 'true | false' : '';
  return formatRange({ type: p.type === 'integer' ? 'int' : 'real', min: low ?? -Infinity, max: high ?? Infinity,
    min_exclusive: p.exclusiveMinimum !== undefined, max_exclusive: p.exclusiveMaximum !== undefined });
}

/** A row per property, and a row per property of a nested object (as "a.b"). */
function configRows(properties, required, prefix = '') {
  return Object.entries(properties).flatMap(([key, p]) => {
    const name = prefix + key;
    const row = el('tr', { 'data-field': name },
      el('td', {}, code(name)),
      el('td', {}, typeOf(p)),
      el('td', { class: 'num' }, 'default' in p ? code(JSON.stringify(p.default)) : required?.includes(key) ? 'required' : ''),
      el('td', { class: 'allowed' }, allowed(p)),
      el('td', {}, p.description ?? ''));
    return p.type === 'object' && p.properties ? [row, ...configRows(p.properties, p.required, `${name}.`)] : [row];
  });
}

/** A config's fields from the configs' JSON Schema (gradscape.schema.json, generated from the engine's config tables). */
export function configTable(schema, name) {
  const config = schema.$defs[name];
  return [table(['field', 'type', 'default', 'allowed', 'description'], configRows(config.properties, config.required),
    { id: `fields-${name}`, class: 'config-fields' })];
}
