// The top bar's preset select of every page: lists the page's presets under a prompt; choosing one
// replaces the state (through `toState`, which may keep some of the current state) with the preset's
// id in the state's `storyKey` field, so a link carries it (story=…), shows the preset's explanation
// (its description and, if it has one, its "Look at: …" sentence) in the page's story paragraph and
// scrolls the chart it is about (its `focus`, looked up in the page's `focuses`) into view. A state
// that names a preset (a loaded or pasted link) shows its explanation, and the menu reads its title;
// a link does not scroll, so its reader starts at the explanation.
import { scrollToFocus } from './story-focus.mjs';

const $ = (id) => document.getElementById(id);

export function showStory(preset) {
  const story = $('story');
  story.replaceChildren(preset.description);
  if (preset.look) {
    const look = document.createElement('span');
    look.dataset.role = 'look';
    const head = document.createElement('strong');
    head.textContent = 'Look at: ';
    look.append(head, preset.look);
    story.append(' ', look);
  }
  story.hidden = false;
}

export function setUpPresetSelect(store, presets, prompt, toState = (preset) => structuredClone(preset.state),
  { storyKey = 'story', focuses = {} } = {}) {
  const select = $('preset');
  select.replaceChildren(new Option(prompt, ''), ...presets.map((p) => new Option(p.title, p.id)));
  const sync = (state) => {
    const preset = presets.find((p) => p.id === state[storyKey]);
    select.value = preset ? preset.id : '';
    if (preset) showStory(preset);
  };
  select.addEventListener('change', () => {
    const preset = presets.find((p) => p.id === select.value);
    if (!preset) return;
    store.replace({ ...toState(preset), [storyKey]: preset.id });
    scrollToFocus(focuses, preset.focus);
  });
  store.subscribe((state, reason) => {
    if (reason === 'replace' || reason === 'fallback') sync(state);
  });
  sync(store.state);
}
