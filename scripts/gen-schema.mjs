#!/usr/bin/env node
// Writes the configs' generated reference from the engine's config tables and registries, as the
// native build prints them (build/native/gradscape_native schema | schema-tables | registry; or
// $GRADSCAPE_NATIVE):
//   gradscape.schema.json  the JSON Schema (draft 2020-12) of the run config and every lab's
//                          (src/labs/all.hpp)
//   docs/schema.md         scripts/schema-template.md with every {{...}} filled from the config
//                          tables and the registries; every config needs its section there, with
//                          {{description:NAME}} and {{table:NAME}}
//   web/api/registry-types.d.ts  the API's types that the registries define: the optimizer, schedule,
//                          objective, problem and domain names and every optimizer hyperparameter
// `--check` writes nothing and exits 1 if a committed file differs from what it would write.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url);
export const OUTPUTS = ['gradscape.schema.json', 'docs/schema.md', 'web/api/registry-types.d.ts', 'web/lib/hyper-choices.mjs'];
const NATIVE = process.env.GRADSCAPE_NATIVE ?? fileURLToPath(new URL('build/native/gradscape_native', root));

/** What `gradscape_native <command>` prints, parsed. */
export function native(command) {
  const out = spawnSync(NATIVE, [command], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (out.status !== 0) {
    throw new Error(`gen-schema: ${NATIVE} ${command} failed (build it with scripts/build-native.sh): ${out.error?.message ?? out.stderr}`);
  }
  return JSON.parse(out.stdout);
}

const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (text) => (text === '' ? '' : `\`${text}\``);
const row = (cells) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

/** "[0, 1)" from a registry parameter, or "true, false". */
function range(h) {
  if (h.type === 'bool') return 'true, false';
  if (h.type === 'choice') return h.choices.map((c) => JSON.stringify(c)).join(', ');
  const min = h.min_exclusive ? '(' : '[';
  const max = h.max_exclusive ? ')' : ']';
  return `${h.type === 'int' ? 'integer' : 'number'} in ${min}${h.min}, ${h.max}${max}`;
}

const hyperTable = (params) => table(['key', 'default', 'allowed', 'description'],
  params.map((h) => [code(h.name), code(JSON.stringify(h.default)), range(h), h.description]));

/** A default that is JSON text (200, "f64", [1]) is code; "the problem's" is prose. */
function defaultCell(text) {
  try {
    JSON.parse(text);
    return code(text);
  } catch {
    return text;
  }
}

const configTable = (config) => table(['key', 'type', 'allowed', 'default', 'description'],
  config.fields.map((f) => [code(f.key), f.type, f.allowed, defaultCell(f.default), f.description]));

function optimizers(registry) {
  const summary = table(['name', 'optimizer', 'follows', 'hyperparameters'], registry.optimizers.map((o) => [
    code(o.name), o.display_name, o.source, o.hyperparameters.map((h) => h.name).join(', ')]));
  const each = registry.optimizers.map((o) => `#### ${code(o.name)}: ${o.display_name}\n\n${o.description}\n\n${hyperTable(o.hyperparameters)}`);
  return [summary, ...each].join('\n\n');
}

const schedules = (registry) => table(['name', 'rule', 'parameters', 'description'], registry.schedules.map((s) => [
  code(s.name), `$${s.latex}$`,
  s.params.map((p) => `${code(p.name)} = ${p.default}, ${range(p)}: ${p.description}`).join('; ') || 'none',
  s.description]));

const paramList = (params) => params.map((p) => `${code(p.name)} = ${p.default} (${range(p)})`).join(', ') || 'none';

const objectives = (registry) => table(['name', 'objective', 'f(x, y)', 'parameters', 'default start', 'description'],
  registry.objectives.map((o) => [code(o.name), o.display_name, `$${o.latex}$`,
    paramList(o.params.map((p) => ({ ...p, type: 'real' }))), `(${o.default_start.join(', ')})`, o.description]));

const problems = (registry) => table(['name', 'problem', 'parameters', 'dimension', 'default domain and start', 'source'],
  registry.problems.map((p) => [code(p.name), p.display_name, paramList(p.params),
    typeof p.dimension === 'number' ? p.dimension : `the parameter ${code(p.dimension)}`,
    `${p.default_domain.type} of radius ${p.default_domain.radius}; start ${p.default_start}`, p.source]));

const quoted = (names) => names.map((n) => `'${n}'`);
/** `export type Name =` with one quoted name per item, wrapped at about 100 columns. */
function unionType(name, names, about) {
  const lines = [];
  let line = '  |';
  for (const n of quoted(names)) {
    if (line.length + n.length + 3 > 100) {
      lines.push(line);
      line = '  |';
    }
    line += `${line === '  |' ? '' : ' |'} ${n}`;
  }
  lines.push(line);
  return `/** ${about} */\nexport type ${name} =\n${lines.join('\n')};`;
}

/** A hyperparameter's doc comment: what it is, its default (each taker's, where they differ) and range. */
function hyperDoc(h, takers = []) {
  const defaults = takers.map((t) => JSON.stringify(t.default));
  const same = defaults.every((d) => d === defaults[0]);
  const def = takers.length <= 1 || same ? `Default ${defaults[0] ?? JSON.stringify(h.default)}`
    : `Default ${takers.map((t, i) => `${defaults[i]} (${t.optimizer})`).join(', ')}`;
  return `${h.description}. ${def}${h.type === 'bool' ? '' : `; ${range(h)}`}.`;
}

/** A hyperparameter's TypeScript type. */
function hyperType(h) {
  if (h.type === 'bool') return 'boolean';
  if (h.type === 'choice') return quoted(h.choices).join(' | ');
  return 'number';
}

/** The optimizers' choice hyperparameters and their names, for the URL-hash codecs. */
function hyperChoices(registry) {
  const choices = new Map();
  for (const o of registry.optimizers) {
    for (const h of o.hyperparameters) if (h.type === 'choice') choices.set(h.name, h.choices);
  }
  return [
    '// Generated by scripts/gen-schema.mjs from the engine\'s registries (gradscape_native registry): do not edit.',
    '// Every choice hyperparameter of the optimizers with its names, so a link holds line_search=strong_wolfe.',
    `export const HYPER_CHOICES = Object.freeze(${JSON.stringify(Object.fromEntries(choices))});`,
    '',
  ].join('\n');
}

function registryTypes(registry) {
  // Every optimizer hyperparameter once, with the optimizers that take it (beta1_decay aside: below).
  const fields = new Map();
  for (const o of registry.optimizers) {
    for (const h of o.hyperparameters) {
      if (h.name === 'beta1_decay') continue;
      if (!fields.has(h.name)) fields.set(h.name, { h, takers: [] });
      fields.get(h.name).takers.push({ optimizer: o.name, default: h.default });
    }
  }
  const firstMoment = registry.optimizers.filter((o) => o.hyperparameters.some((h) => h.name === 'beta1_decay'));
  const decay = firstMoment[0]?.hyperparameters.find((h) => h.name === 'beta1_decay');
  const member = (name, type, doc) => `  /** ${doc} */\n  ${name}?: ${type};`;
  const hyperMembers = [...fields.values()].map(({ h, takers }) => member(h.name, hyperType(h),
    `${takers.length === registry.optimizers.length ? 'Every optimizer' : takers.map((t) => t.optimizer).join(', ')}: ${hyperDoc(h, takers)}`));
  const scheduleParams = new Map();
  for (const s of registry.schedules) for (const p of s.params) if (!scheduleParams.has(p.name)) scheduleParams.set(p.name, { p, takers: [] });
  for (const s of registry.schedules) for (const p of s.params) scheduleParams.get(p.name).takers.push(s.name);
  return [
    '// Generated by scripts/gen-schema.mjs from the engine\'s registries (gradscape_native registry): do not edit.',
    '// The names and hyperparameters the registries define; web/api/gradscape.d.ts re-exports them.',
    '',
    unionType('OptimizerName', registry.optimizers.map((o) => o.name), 'An optimizer of the registry (gs.registry.optimizers).'),
    unionType('ObjectiveName', registry.objectives.map((o) => o.name), 'A 2-D objective of the registry (gs.registry.objectives).'),
    unionType('ProblemName', registry.problems.map((p) => p.name), 'An online problem of the regret lab (gs.registry.problems).'),
    unionType('DomainType', registry.domains.map((d) => d.name), 'The regret lab\'s feasible sets (gs.registry.domains).'),
    '',
    '/** A learning-rate schedule (gs.registry.schedules). */',
    'export interface ScheduleSpec {',
    `  name: ${quoted(registry.schedules.map((s) => s.name)).join(' | ')};`,
    ...[...scheduleParams.values()].map(({ p, takers }) => member(p.name, 'number', `${takers.join(', ')}: ${hyperDoc(p)}`)),
    '}',
    '',
    '/** One optimizer of a config: its name and any of its hyperparameters (each optimizer takes those',
    ' * listed for it; the engine rejects the others, naming them). */',
    'export interface OptimizerSpec {',
    '  name: OptimizerName;',
    member('label', 'string', 'Shown in legends (at most 80 characters); default: the display name.'),
    ...hyperMembers,
    member('schedule', "ScheduleSpec | ScheduleSpec['name']", 'The learning-rate schedule; default "constant".'),
    ...(decay ? [member('beta1_decay', 'number', `${firstMoment.map((o) => o.name).join(', ')}: ${hyperDoc(decay)}`)] : []),
    ...registry.optimizers.filter((o) => o.wraps_optimizer).map((o) => member('inner', "Omit<OptimizerSpec, 'lr'>",
      `${o.name}: the per-coordinate optimizer it wraps, without lr (its lr is this object's); default {"name": "adam"}.`)),
    ...registry.optimizers.filter((o) => o.default_rule).map((o) => member('rule', 'string',
      `${o.name}: the update rule in the rule language; its hyperparameters are fields of this object too (cast for TypeScript).`)),
    '}',
    '',
  ].join('\n');
}

/** The generated files' texts, by path relative to the repository. */
export async function generate() {
  const registry = native('registry');
  const configs = native('schema-tables');
  const fill = {
    optimizers: () => optimizers(registry),
    schedules: () => schedules(registry),
    objectives: () => objectives(registry),
    problems: () => problems(registry),
  };
  const template = await readFile(new URL('scripts/schema-template.md', root), 'utf8');
  for (const name of Object.keys(configs)) {
    if (!template.includes(`{{table:${name}}}`)) {
      throw new Error(`schema-template.md: no section for the ${name} config (its {{description:${name}}} and {{table:${name}}})`);
    }
  }
  const markdown = template.replace(/\{\{(\w+)(?::(\w+))?\}\}/g, (match, what, name) => {
    if (what === 'table') return configTable(configs[name]);
    if (what === 'description') return configs[name].description;
    if (fill[what]) return fill[what]();
    throw new Error(`schema-template.md: unknown placeholder ${match}`);
  });
  return {
    'gradscape.schema.json': `${JSON.stringify(native('schema'), null, 2)}\n`,
    'docs/schema.md': markdown,
    'web/api/registry-types.d.ts': registryTypes(registry),
    'web/lib/hyper-choices.mjs': hyperChoices(registry),
  };
}

async function main(check) {
  const files = await generate();
  const stale = [];
  for (const [path, text] of Object.entries(files)) {
    const url = new URL(path, root);
    const old = await readFile(url, 'utf8').catch(() => null);
    if (old === text) continue;
    stale.push(path);
    if (!check) await writeFile(url, text);
  }
  if (check && stale.length) {
    process.stderr.write(`gen-schema: out of date: ${stale.join(', ')} (run node scripts/gen-schema.mjs)\n`);
    return 1;
  }
  if (!check) process.stdout.write(stale.length ? `gen-schema: wrote ${stale.join(', ')}\n` : 'gen-schema: up to date\n');
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.includes('--check')).then((code) => { process.exitCode = code; });
}
