// The top bar's preset select of every page: lists the page's presets under a prompt; choosing one
// replaces the state (through `toState`, which may keep some of the current state) with the preset's
// id in the state's `storyKey` field, so a link carries it (story=…), and shows the preset's
// explanation in the page's story paragraph. A state that names a preset (a loaded or pasted link)
// shows its explanation, and the menu reads its title.
const $ = (id) => document.getElementById(id);

export function showStory(preset) {
  $('story').textContent = preset.description;
  $('story').hidden = false;
}

export function setUpPresetSelect(store, presets, prompt, toState = (preset) => structuredClone(preset.state),
  { storyKey = 'story' } = {}) {
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
  });
  store.subscribe((state, reason) => {
    if (reason === 'replace' || reason === 'fallback') sync(state);
  });
  sync(store.state);
}
