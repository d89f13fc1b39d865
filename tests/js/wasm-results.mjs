// What the CLI prints for a config, computed in this process by an engine the test loaded: the
// CLI's own calls (web/api/cli.mjs), so a native-vs-wasm comparison needs one engine per flavour
// rather than one CLI process per config. The CLI as a program is tested in cli.test.mjs and
// package.test.mjs.
import { LABS } from '../../web/api/labs.mjs';

/** `gradscape run`'s output for a run config. */
export function runResultText(gs, config) {
  const session = gs.createRunSession(config);
  session.advance(session.totalSteps);
  const text = `${[...session.resultParts()].join('')}\n`;
  session.delete();
  return text;
}

/** `gradscape <lab>`'s output for a lab config (a lab without input files: regret, sweep). */
export function labResultText(gs, name, config) {
  const lab = LABS.find((l) => l.name === name);
  const session = lab.createSession(gs, config);
  lab.finish(session);
  const text = `${session.resultParts ? [...session.resultParts()].join('') : session.resultText()}\n`;
  session.delete();
  return text;
}
