// The figures embed.html can show, by the hash's `lab` key: the engine modules each needs, its
// URL-hash codec (the lab page's own PROPS table, so a lab's link and its embed use the same keys)
// and the config of a state, as the lab page computes it.
import * as landscape from '../landscape/state.mjs';
import * as regret from '../regret/state.mjs';
import * as sweep from '../sweep/state.mjs';
import * as paper from '../paper/state.mjs';

export const LABS = {
  landscape: {
    engine: {}, decodeHash: landscape.decodeHash, defaultState: landscape.defaultState,
    toConfig: landscape.toConfig,
  },
  regret: {
    engine: { regret: true }, decodeHash: regret.decodeHash, defaultState: regret.defaultState,
    toConfig: regret.toConfig,
  },
  sweep: {
    engine: { sweep: true }, decodeHash: sweep.decodeHash, defaultState: sweep.defaultState,
    toConfig: (state, registry) => sweep.toConfigs(state, registry)[0],
  },
  paper: {
    engine: { train: true }, decodeHash: paper.decodeHash, defaultState: paper.defaultState,
    toConfig: paper.toConfig,
  },
};
