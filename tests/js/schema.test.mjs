// The configs' JSON Schema and reference (gradscape.schema.json, docs/schema.md): generated from the
// engine's config tables (gradscape_native) and up to date; the README's example configs valid
// against it and accepted by the engine; bad configs rejected both by it and by the engine (wasm);
// `gradscape schema` prints it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { loadGradscape } from '../../web/api/gradscape.mjs';
import { generate, native, OUTPUTS } from '../../scripts/gen-schema.mjs';

const root = new URL('../../', import.meta.url).pathname;
const schema = JSON.parse(readFileSync(join(root, 'gradscape.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const gs = await loadGradscape({ full: true, regret: true, sweep: true, paper: true, race: true });

test('the committed gradscape.schema.json and docs/schema.md are what the engine generates', async () => {
  const files = await generate();
  assert.deepEqual(Object.keys(files), OUTPUTS);
  for (const path of OUTPUTS) {
    assert.equal(readFileSync(join(root, path), 'utf8'), files[path], `${path} is stale: run node scripts/gen-schema.mjs`);
  }
});

test('the schema is draft 2020-12 with an $id, one variant per registry optimizer and per config', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(schema.$id, /^https:\/\//);
  assert.deepEqual(schema.anyOf.map((r) => r.$ref), ['run', 'regret', 'sweep', 'paper', 'race'].map((c) => `#/$defs/${c}`));
  const tables = native('schema-tables');
  const names = gs.registry.optimizers.map((o) => o.name);
  assert.deepEqual(schema.$defs.optimizer.oneOf.map((v) => v.properties.name.const), names);
  const compiled = gs.registry.optimizers.filter((o) => !o.whole && !o.default_rule).map((o) => o.name);
  assert.deepEqual(schema.$defs.paper_optimizer.oneOf.map((v) => v.properties.name.const), compiled,
    'the paper lab takes no whole-vector optimizer and no custom rule');
  for (const [i, o] of gs.registry.optimizers.entries()) {
    const keys = Object.keys(schema.$defs.optimizer.oneOf[i].properties);
    for (const h of o.hyperparameters) assert.ok(keys.includes(h.name), `${o.name}.${h.name}`);
  }
  for (const config of ['run', 'regret', 'sweep', 'paper', 'race']) {
    const keys = tables[config].fields.filter((f) => !f.key.includes('.')).map((f) => f.key);
    assert.deepEqual(Object.keys(schema.$defs[config].properties), keys, config);
  }
});

test('every example config of the README is valid against the schema, and the engine accepts it', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const configs = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]))
    .filter((c) => c.version === 1);
  assert.ok(configs.length >= 4, `found ${configs.length} configs`);
  const create = { run: 'createSession', regret: 'createRegretSession', sweep: 'createSweepSession', paper: 'createPaperSession',
    race: 'createRaceSession' };
  gs.loadPaperImages();
  for (const config of configs) {
    assert.ok(validate(config), `${JSON.stringify(config)}: ${JSON.stringify(validate.errors)}`);
    const kind = config.experiment ? 'paper' : config.problem ? 'regret' : config.optimizer ? 'sweep'
      : config.trials !== undefined ? 'race' : 'run';
    gs[create[kind]](config).delete();
  }
});

const bad = [
  ['run', { steps: -1 }, /^steps: must be an integer in \[0, 1000000\]/],
  ['run', { stepz: 10 }, /^stepz: unknown field; did you mean "steps"\?/],
  ['run', { version: 2 }, /^version: must be an integer in \[1, 1\]/],
  ['run', { precision: 'f16' }, /^precision: must be "f32" or "f64"/],
  ['run', { optimizers: [{ name: 'adm' }] }, /^optimizers\[0\]\.name: unknown optimizer "adm"; did you mean "adam"\?/],
  ['run', { optimizers: [{ name: 'adam', beta2: 1 }] }, /^optimizers\[0\]\.beta2: must be a number in \[0, 1\)/],
  ['run', { optimizers: [{ name: 'sgd', nesterov: true }] }, /^optimizers\[0\]\.nesterov: Nesterov momentum needs/],
  ['run', { objective: { name: 'rosenbrock', params: { c: 1 } } }, /^objective\.params\.c: unknown field/],
  ['run', { objective: { name: 'rosenbrock', noise: { sigma: -1 } } }, /^objective\.noise\.sigma: must be a number/],
  ['run', { start: [0] }, /^start: must be an array of two numbers/],
  ['run', { optimizers: [] }, /^optimizers: must be an array of 1 to 16 optimizer objects/],
  ['regret', { domain: { type: 'cube' } }, /^domain\.type: unknown domain type "cube"/],
  ['regret', { T: 0 }, /^T: must be an integer in \[1, 10000000\]/],
  ['sweep', { optimizer: { name: 'adam' }, x: { param: 'lr', n: 0 }, y: { param: 'beta1' } }, /^x\.n: must be an integer in \[1, 512\]/],
  ['sweep', { optimizer: { name: 'adam' }, x: { param: 'lr' }, y: { param: 'beta1' }, metric: 'best' }, /^metric: unknown metric "best"/],
  ['paper', {}, /^experiment: missing/],
  ['paper', { experiment: 'logreg_bow', model: { hidden: 10 } }, /^model\.hidden: unknown field/],
  ['paper', { experiment: 'vae_images', model: { latent: 0 } }, /^model\.latent: must be an integer in \[1, 256\]/],
  ['paper', { experiment: 'logreg_images', optimizers: [{ name: 'adam', lr: 0.1, lr_grid: [0.1] }] }, /^optimizers\[0\]\.lr_grid: give either lr or lr_grid/],
  ['paper', { experiment: 'logreg_images', seeds: [1, 1] }, /^seeds\[1\]: seed 1 is listed twice/],
  ['race', { optimizers: [] }, /^optimizers: must be an array of 1 to 40/],
  ['race', { optimizers: [{ name: 'adam' }], trials: 0 }, /^trials: must be an integer in \[1, 1024\]/],
  ['race', { optimizers: [{ name: 'adam' }], search: 'bayes' }, /^search: unknown search "bayes"/],
  ['race', { optimizers: [{ name: 'adam', tune: [{ param: 'lr', scale: 'cubic' }] }] }, /^optimizers\[0\]\.tune\[0\]\.scale: unknown scale "cubic"/],
  ['race', { optimizers: [{ name: 'adam' }], clip_norm: -1 }, /^clip_norm: must be a number in \[0, 1000000\]/],
];

test('bad configs are rejected by the schema and by the engine, which names the field', () => {
  const { anyOf, ...defs } = schema;
  const validateAs = Object.fromEntries(anyOf.map(({ $ref }) => [$ref.split('/').pop(),
    new Ajv2020().compile({ ...defs, $ref })]));
  const engine = { run: (c) => gs.run(c), regret: (c) => gs.createRegretSession(c), sweep: (c) => gs.createSweepSession(c),
    paper: (c) => gs.createPaperSession(c), race: (c) => gs.createRaceSession(c) };
  for (const [kind, config, message] of bad) {
    const full = { version: 1, ...config };
    assert.equal(validateAs[kind](full), false, `the ${kind} schema accepts ${JSON.stringify(full)}`);
    assert.throws(() => engine[kind](full), (error) => message.test(error.message), `${kind}: ${JSON.stringify(config)}`);
  }
});

test('gradscape schema prints gradscape.schema.json, the document gradscape_native schema generates', () => {
  const cli = spawnSync(process.execPath, [join(root, 'web/api/cli.mjs'), 'schema'], { encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(cli.stdout, readFileSync(join(root, 'gradscape.schema.json'), 'utf8'));
  assert.deepEqual(native('schema'), schema);
});

test('the native registry is the wasm registry', () => {
  assert.deepEqual(native('registry'), gs.registry);
});

test('the package ships the schema as gradscape/schema.json', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.exports['./schema.json'], './gradscape.schema.json');
  assert.ok(pkg.files.includes('gradscape.schema.json'));
});
