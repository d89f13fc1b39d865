// Removing an optimizer from a page's list, with "Undo" in a toast for a few seconds: Undo puts
// the same entry (settings, label, and so its colour, which follows its place) back where it was
// and restores what the removal changed besides the list (e.g. the selected run); `position`
// ({ save(), restore(saved) }, optional) brings the player back to the step it showed. Where the
// card's root (the document, or a web component's shadow root) has no toast, there is no Undo.
import { toastIn } from './notices.mjs';

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Removes optimizer i (shown as `name`) through restructure(mutate); onRemove(state) adjusts the
 * rest of the state; root holds the toast. The Undo is dropped if the number of optimizers has
 * changed since.
 */
export function removeOptimizer(i, name, { restructure, onRemove, position, root = document }) {
  const saved = position?.save();
  let removed;
  let count;
  let restore = {};
  restructure((s) => {
    const before = structuredClone(s);
    [removed] = s.optimizers.splice(i, 1);
    onRemove?.(s);
    count = s.optimizers.length;
    restore = Object.fromEntries(Object.keys(before)
      .filter((key) => key !== 'optimizers' && !same(before[key], s[key]))
      .map((key) => [key, before[key]]));
  });
  toastIn(root, `Removed ${name}`, {
    label: 'Undo',
    run: () => {
      let restored = false;
      restructure((s) => {
        if (s.optimizers.length !== count) return;
        s.optimizers.splice(i, 0, structuredClone(removed));
        Object.assign(s, structuredClone(restore));
        restored = true;
      });
      if (restored) position?.restore(saved);
      else toastIn(root, `The optimizers changed since: ${name} was not brought back`);
    },
  });
}
