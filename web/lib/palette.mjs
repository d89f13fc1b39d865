// Run colours: saturated and light, so that with a dark halo they stand out on the viridis
// heatmap, and still read on the light and dark chart backgrounds.
export const RUN_COLOURS = ['#ff4b4b', '#ffa600', '#00c8f0', '#ff5cd6', '#5ee05a', '#a67cff', '#4d7cff', '#d4a72c'];

export const runColour = (i) => RUN_COLOURS[i % RUN_COLOURS.length];

