// How tall the landscape's surface may be: on a wide screen, the room left in the window once the
// top bar, the story line, the player and the legend below it are counted, so that a projector's
// 1280 × 720 shows all four without scrolling; on a narrow one (the stage under the settings),
// 90 % of the window's height, as the surface view's default.
const NARROW = 820;
const LEGEND_ROW = 40;
// The layout's top padding, the surface card's padding, the gaps between the stage's parts and a margin.
const SLACK = 64;

const height = (selector) => {
  const node = document.querySelector(selector);
  return node && !node.hidden ? node.getBoundingClientRect().height : 0;
};

export function surfaceHeightLimit() {
  if (window.innerWidth <= NARROW) return Math.floor(window.innerHeight * 0.9);
  const topbar = document.querySelector('.topbar')?.getBoundingClientRect().height ?? 0;
  const story = height('#story');
  const below = height('.player') + Math.max(LEGEND_ROW, height('#legend'));
  return Math.floor(window.innerHeight - topbar - (story ? story + 12 : 0) - below - SLACK);
}
