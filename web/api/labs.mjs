// The JS API's labs: one entry per lab, from its file web/api/<name>-lab.mjs. loadGradscape's
// options, the Gradscape object's lab calls and the CLI's lab commands come from this list. An
// entry holds:
//   name           loadGradscape({ <name>: true }), `gradscape <name> CONFIG`, the module
//                  gradscape-<name>-{simd,scalar} (the C++ lab src/labs/<name>/)
//   oldNames       deprecated names of the same lab (loadGradscape's option, the CLI's command)
//   modules        { simd, scalar }: the module's glue and wasm, by literal paths so bundlers find
//                  and copy them
//   calls          the Gradscape object's getters and methods for the lab (`this` is the Gradscape;
//                  labModule(this, name) is the lab's module)
//   createSession  (gs, config) → the lab's session; finish(session) runs it to its end, and the
//                  CLI prints its result (streamed when the session has resultParts())
//   inputs         files the CLI hands the lab: --<option>=<value> (help), else the package's
//                  `shipped` file (relative to web/api/) when it is there, given to load(gs, bytes)
import { PAPER_LAB } from './paper-lab.mjs';
import { RACE_LAB } from './race-lab.mjs';
import { REGRET_LAB } from './regret-lab.mjs';
import { SWEEP_LAB } from './sweep-lab.mjs';

export const LABS = [REGRET_LAB, SWEEP_LAB, PAPER_LAB, RACE_LAB];
