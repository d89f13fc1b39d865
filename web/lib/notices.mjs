// The page's message bar (#message, #message-text) and toast (#toast), shared by every page.
const $ = (id) => document.getElementById(id);

// kind 'link': the URL could not be used (stays until closed); 'error': the current edit is invalid.
export function showMessage(text, kind = 'error') {
  const box = $('message');
  box.hidden = !text;
  box.dataset.kind = text ? kind : '';
  $('message-text').textContent = text ?? '';
}

let timer = 0;
export function toast(text) {
  const t = $('toast');
  t.textContent = text;
  t.classList.add('visible');
  clearTimeout(timer);
  timer = setTimeout(() => t.classList.remove('visible'), 1800);
}
