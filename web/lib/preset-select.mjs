// The top bar's preset select of every page: lists the page's presets under a prompt; choosing one
// replaces the state (through `toState`, which may keep some of the current state) and shows the
// preset's explanation in the page's story paragraph.
const $ = (id) => document.getElementById(id);

export function showStory(preset) {
  $('story').textContent = preset.description;
  $('story').hidden = false;
}

export function setUpPresetSelect(store, presets, prompt, toState = (preset) => structuredClone(preset.state)) {
  const select = $('preset');
  select.replaceChildren(new Option(prompt, ''), ...presets.map((p) => new Option(p.title, p.id)));
  select.addEventListener('change', () => {
    const preset = presets.find((p) => p.id === select.value);
    select.value = '';
    if (!preset) return;
    store.replace(toState(preset));
    showStory(preset);
  });
}
