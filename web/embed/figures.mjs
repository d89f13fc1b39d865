// The figures embed.html can show, by the hash's `lab` key (the labs of labs.mjs): the engine
// modules each needs, its URL-hash codec (the lab page's own PROPS table, so a lab's link and its
// embed use the same keys) and the config of a state, as the lab page computes it.
import { LABS } from '../labs.mjs';
import * as landscape from '../landscape/state.mjs';
import * as regret from '../regret/state.mjs';
import * as sweep from '../sweep/state.mjs';
import * as paper from '../paper/state.mjs';
import * as race from '../race/state.mjs';

const STATES = {
  landscape,
  regret,
  sweep: { ...sweep, toConfig: (state, registry) => sweep.toConfigs(state, registry)[0] },
  race,
  paper,
};

export const FIGURES = Object.fromEntries(Object.values(LABS).map(({ name, engine }) => {
  const { decodeHash, defaultState, toConfig } = STATES[name];
  return [name, { engine, decodeHash, defaultState, toConfig }];
}));
