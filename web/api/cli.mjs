#!/usr/bin/env node
// The `gradscape` command line (README.md; configs and results in docs/schema.md), over the same wasm module as the browser:
//   gradscape run CONFIG.json|-      the result JSON of a run config
//   gradscape <lab> CONFIG.json|-    the result JSON of a lab's config, for every lab of LABS
//                                    (labs.mjs): regret, sweep, paper (on the shipped
//                                    Fashion-MNIST subset or --images=FILE; `gradscape train` is
//                                    its deprecated old name), race
//   gradscape render CONFIG.json|- -o OUT.svg|.png|.gif
//                                    the loss surface figure of a run or race config (render-command.mjs)
//   gradscape registry               optimizers, schedules, objectives, online problems as JSON
//   gradscape schema                 the configs' JSON Schema (the package's gradscape.schema.json)
//   gradscape assets DIR             copies the web component's bundle into a site folder (assets.mjs)
// Output is streamed with back-pressure and the process exits on its own once stdout has
// drained, so a piped result is never cut short. Bad input: one line on stderr, exit code 2.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { loadGradscape, GradscapeError } from './gradscape.mjs';
import { LABS } from './labs.mjs';
import { ASSETS_USAGE, copyAssets } from './assets.mjs';
import { RENDER_USAGE, renderCommand } from './render-command.mjs';

const optionName = (input) => `--${input.option}=${input.value}`;
const USAGE = [
  'usage: gradscape run CONFIG.json|-',
  ...LABS.map((lab) => `       gradscape ${lab.name} CONFIG.json|-${(lab.inputs ?? []).map((i) => ` [${optionName(i)}]`).join('')}`),
  '       gradscape render CONFIG.json|- -o OUT.svg|OUT.png|OUT.gif [options]  (gradscape render --help)',
  '       gradscape registry',
  '       gradscape schema',
  `       ${ASSETS_USAGE}`,
  '       gradscape --help',
  'Options: --scalar        use the scalar (non-SIMD) wasm build',
  ...LABS.flatMap((lab) => (lab.inputs ?? []).map((i) => `         ${optionName(i).padEnd(16)}${lab.name}: ${i.help}`)),
].join('\n');

// The configs' JSON Schema the package ships (generated from the engine's config tables).
const SCHEMA = new URL('../../gradscape.schema.json', import.meta.url);

async function readInput(path, encoding = 'utf8') {
  if (path === '-') {
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const data = Buffer.concat(chunks);
    return encoding ? data.toString(encoding) : data;
  }
  try {
    return await readFile(path, encoding);
  } catch (error) {
    throw new GradscapeError(`cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  }
}

async function write(text) {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

// A lab's input file: --<option>=FILE, else the file the package ships when it is there (without
// it, what needs the input says so).
async function loadInput(gs, input, flags) {
  const prefix = `--${input.option}=`;
  const given = flags.find((f) => f.startsWith(prefix))?.slice(prefix.length);
  if (given !== undefined) {
    input.load(gs, await readInput(given, null));
    return;
  }
  const shipped = new URL(input.shipped, import.meta.url);
  if (existsSync(shipped)) input.load(gs, await readFile(shipped));
}

async function main(argv) {
  if (argv[0] === 'render') {
    if (argv.includes('--help')) {
      process.stdout.write(`${RENDER_USAGE}\n`);
      return 0;
    }
    await renderCommand(argv.slice(1), readInput);
    return 0;
  }
  const flags = argv.filter((a) => a.startsWith('--'));
  const args = argv.filter((a) => !a.startsWith('--'));
  if (flags.includes('--help') || args.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return args.length === 0 && !flags.includes('--help') ? 2 : 0;
  }
  const [command, path] = args;
  if (command === 'schema' && args.length === 1 && flags.length === 0) {
    await write(await readFile(SCHEMA, 'utf8'));
    return 0;
  }
  const lab = LABS.find((l) => l.name === command || l.oldNames?.includes(command));
  const inputs = lab?.inputs ?? [];
  const unknown = flags.filter((f) => f !== '--scalar' && !inputs.some((i) => f.startsWith(`--${i.option}=`)));
  if (unknown.length) throw new GradscapeError(`unknown option ${unknown[0]}\n${USAGE}`);
  if (command === 'assets') {
    for (const line of copyAssets(args.slice(1))) await write(`${line}\n`);
    return 0;
  }
  const gs = await loadGradscape({
    flavour: flags.includes('--scalar') ? 'scalar' : 'auto', full: true, ...(lab && { [lab.name]: true }),
  });
  if (command === 'registry' && args.length === 1) {
    await write(`${JSON.stringify(gs.registry, null, 2)}\n`);
    return 0;
  }
  if (command === 'run' && args.length === 2) {
    const session = gs.createRunSession(await readInput(path));
    session.advance(session.totalSteps);
    for (const part of session.resultParts()) await write(part);
    await write('\n');
    session.delete();
    return 0;
  }
  if (lab && args.length === 2) {
    const text = await readInput(path);
    for (const input of inputs) await loadInput(gs, input, flags);
    const session = lab.createSession(gs, text);
    lab.finish(session);
    if (session.resultParts) {
      for (const part of session.resultParts()) await write(part);
    } else {
      await write(session.resultText());
    }
    await write('\n');
    session.delete();
    return 0;
  }
  throw new GradscapeError(`unknown command "${args.join(' ')}"\n${USAGE}`);
}

// A reader that stops early (`gradscape run … | head`) closes the pipe: that is the end of the output,
// not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`gradscape: cannot write the output: ${error.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`gradscape: ${error instanceof GradscapeError ? error.message : error.stack}\n`);
    process.exitCode = error instanceof GradscapeError ? 2 : 1;
  },
);
