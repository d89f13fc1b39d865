// The postMessage demo: buttons that send each command to the docs page's iframe, and a log of
// what the figure posts back (the latest gradscape:step updated in place).
import { el } from '../lib/dom.mjs';

const COMMANDS = {
  play: { type: 'gradscape:play' },
  pause: { type: 'gradscape:pause' },
  reset: { type: 'gradscape:reset' },
  config: {
    type: 'gradscape:set-config',
    config: { objective: 'beale', start: [1, 1.5], steps: 400, optimizers: [{ name: 'adam', lr: 0.1, label: 'Adam' }] },
  },
  bad: { type: 'gradscape:set-config', config: { optimizers: [{ name: 'adam', beta2: 1.5 }] } },
};
const MAX_LINES = 12;

export function initEmbedDemo() {
  const frame = document.getElementById('embed-frame');
  const log = document.getElementById('pm-log');
  let stepLine = null;
  const add = (text) => {
    const line = el('li', {}, el('code', {}, text));
    log.prepend(line);
    while (log.children.length > MAX_LINES) log.lastElementChild.remove();
    return line;
  };
  for (const button of document.querySelectorAll('[data-pm]')) {
    button.addEventListener('click', () => {
      const message = COMMANDS[button.dataset.pm];
      frame.contentWindow?.postMessage(message, '*');
      add(`→ ${JSON.stringify(message)}`).classList.add('sent');
      stepLine = null;
    });
  }
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    const data = event.data;
    if (!data || typeof data.type !== 'string' || !data.type.startsWith('gradscape:')) return;
    const text = `← ${JSON.stringify(data)}`;
    if (data.type === 'gradscape:step' && stepLine?.isConnected) {
      stepLine.querySelector('code').textContent = text;
      return;
    }
    const line = add(text);
    stepLine = data.type === 'gradscape:step' ? line : null;
    if (data.type === 'gradscape:error') line.classList.add('error');
  });
}
