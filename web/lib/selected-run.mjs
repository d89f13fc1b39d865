// Marks the run a story is about in a runs table (the regret lab's runs, the paper lab's grid):
// its body row gets aria-current="true" (styled in regret/regret.css) and its name cell a "story"
// tag, every other row loses them. index null or out of range marks none.
const TAG = 'rg-story-tag';

export function markSelectedRow(table, index) {
  if (!table) return;
  [...table.tBodies[0]?.rows ?? []].forEach((row, i) => {
    const on = i === index;
    if (on) row.setAttribute('aria-current', 'true');
    else row.removeAttribute('aria-current');
    const name = row.cells[0];
    name?.querySelector(`.${TAG}`)?.remove();
    if (on && name) {
      const tag = document.createElement('span');
      tag.className = TAG;
      tag.textContent = 'story';
      tag.title = 'The run this story is about';
      name.append(tag);
    }
  });
}

/** The selected index once entry i is removed: null if it was i, one less if it came after. */
export function selectedAfterRemoving(selected, i) {
  if (selected == null || selected === i) return null;
  return selected > i ? selected - 1 : selected;
}
