// Run colours: saturated and light, so that with a dark halo they stand out on the viridis
// heatmap, and still read on the light and dark chart backgrounds.
export const RUN_COLOURS = ['#ff4b4b', '#ffa600', '#00c8f0', '#ff5cd6', '#5ee05a', '#a67cff', '#4d7cff', '#d4a72c'];

export const runColour = (i) => RUN_COLOURS[i % RUN_COLOURS.length];

// Learning rates that make each optimizer visibly move on the 2-D surfaces (torch's own defaults,
// e.g. Adam's 1e-3, are tuned for networks and barely move here). Used for newly added cards.
export const PLAYGROUND_LR = {
  sgd: 0.001, momentum: 0.01, nag: 0.001, adagrad: 0.5, rmsprop: 0.01, adadelta: 1,
  adam: 0.05, adamw: 0.05, adamax: 0.05, nadam: 0.05, radam: 0.05,
};
