// How the race lab names and draws each contestant, the same in the leaderboard, the box plot, the
// tuning chart and on the surface: its label (the config's, else the registry's display name) and
// its line style. The eight run colours repeat after eight entries, so the dash pattern advances by
// one more at every repeat: each of the first 64 entries has its own colour and dash pair.
import { RUN_COLOURS, RUN_DASHES, runColour, runDash } from '../lib/palette.mjs';

/** {colour, dash} of entry i. */
export function entryStyle(i) {
  const round = Math.floor(i / RUN_COLOURS.length);
  return { colour: runColour(i), dash: runDash((i + round) % RUN_DASHES.length) };
}

/** The name of result entry `entry` (tuned.label is the config's label or the registry's display name). */
export const entryName = (entry) => entry.tuned?.label ?? entry.name;

/** The tuned values of `entry` as "lr = 0.012, β1 = 0.9" (its tune list's names, from `config`). */
export function tunedText(entry, tune, format) {
  if (!entry.tuned) return '–';
  return tune.map((t) => (typeof t === 'string' ? t : t.param)).map((name) => `${name} = ${format(entry.tuned[name])}`).join(', ');
}

/**
 * The SVG figure's legend (lib/figure) of tuned runs [{entry, name, diverged}]: one item per entry
 * in order of first appearance, in its style, noting how many held-out runs are drawn and diverged.
 */
export function figureLegend(runs) {
  const byEntry = new Map();
  for (const run of runs) {
    const item = byEntry.get(run.entry) ?? { name: run.name, count: 0, diverged: 0 };
    item.count += 1;
    item.diverged += run.diverged ? 1 : 0;
    byEntry.set(run.entry, item);
  }
  return [...byEntry].map(([entry, { name, count, diverged }]) => {
    const { colour, dash } = entryStyle(entry);
    const runs = `${count} held-out start${count === 1 ? '' : 's'}`;
    return { label: name, color: colour, dash, note: diverged ? `${runs}, ${diverged} diverged` : runs, diverged: diverged > 0 };
  });
}
