#!/usr/bin/env node
// Writes the configs' generated reference from the engine's config tables and registries, as the
// native build prints them (build/native/gradscape_native schema | schema-tables | registry; or
// $GRADSCAPE_NATIVE):
//   gradscape.schema.json  the JSON Schema (draft 2020-12) of the run config and every lab's
//                          (src/labs/all.hpp)
//   docs/schema.md         scripts/schema-template.md with every {{...}} filled from the config
//                          tables and the registries; every config needs its section there, with
//                          {{description:NAME}} and {{table:NAME}}
// `--check` writes nothing and exits 1 if a committed file differs from what it would write.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url);
export const OUTPUTS = ['gradscape.schema.json', 'docs/schema.md'];
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
