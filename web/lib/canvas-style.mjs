// The look of the canvas figures (the landscape's surface, the sweep lab's maps): the font stack,
// the light and dark theme palettes, and the ink of the markers drawn on top of a heatmap (minima,
// start point, hover ring).

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export const THEMES = {
  light: {
    background: '#ffffff', text: '#1d1f24', muted: '#5d636f', frame: 'rgba(29, 31, 36, 0.55)',
    contour: 'rgba(255, 255, 255, 0.34)', pill: 'rgba(255, 255, 255, 0.94)', pillText: '#1d1f24',
  },
  dark: {
    background: '#1e2128', text: '#e8e9ec', muted: '#a3a9b4', frame: 'rgba(232, 233, 236, 0.5)',
    contour: 'rgba(255, 255, 255, 0.3)', pill: 'rgba(24, 26, 32, 0.94)', pillText: '#e8e9ec',
  },
};

export const INK = '#1d1f24';

/** How much larger the charts' type is: 1.3 in presentation mode (<html data-presentation>, lib/presentation.mjs). */
export const fontScale = () => (globalThis.document?.documentElement.dataset.presentation === 'true' ? 1.3 : 1);

/** A chart's CSS font of `px` pixels (times fontScale()) and an optional weight. */
export const chartFont = (px, weight) => `${weight ? `${weight} ` : ''}${Math.round(px * fontScale() * 10) / 10}px ${FONT}`;
