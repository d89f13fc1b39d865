// The embeddable figure (embed.html#<hash>): one <gradscape-playground> filling the frame, set up
// from the URL hash (embed/hash.mjs: the lab, its state in the lab page's own keys, autoplay,
// controls, theme) and driven by the parent page through postMessage (embed/messages.mjs:
// set-config, play, pause, reset; anything malformed is ignored or answered with an error). The
// element's events go to the parent as { type: 'gradscape:ready' | 'gradscape:step' (≤ 10/s) |
// 'gradscape:diverged' | 'gradscape:finished' | 'gradscape:error', ...detail }, posted with
// targetOrigin '*': they carry only the figure's progress and the engine's messages, no secrets.
import '../component/gradscape-playground.mjs';
import { loadGradscape, needsFullEngine } from '../api/gradscape.mjs';
import { decodeEmbedHash, decodeOptions } from './hash.mjs';
import { linkProblem } from '../lib/page-shell.mjs';
import { FIGURES } from './figures.mjs';
import { parseCommand } from './messages.mjs';

const EVENTS = ['ready', 'step', 'diverged', 'finished', 'error'];

const post = (target, message) => target?.postMessage(message, '*');
const toParent = (message) => { if (window.parent !== window) post(window.parent, message); };

function showMessage(text) {
  const box = document.getElementById('embed-message');
  box.hidden = !text;
  box.textContent = text ?? '';
}

const FALLBACK = 'Showing the default figure.';

/** The hash's options and state, or the defaults with the reason shown above the figure. */
function initialHash(hash) {
  try {
    return decodeEmbedHash(hash);
  } catch (error) {
    showMessage(linkProblem(error, FALLBACK));
    let options;
    try {
      ({ options } = decodeOptions(hash));
    } catch {
      ({ options } = decodeOptions(''));
    }
    return { options, state: FIGURES[options.lab].defaultState() };
  }
}

export async function start() {
  const { options, state } = initialHash(location.hash);
  const lab = FIGURES[options.lab];
  const gs = await loadGradscape({ ...lab.engine, full: needsFullEngine(state) });
  let config;
  try {
    config = lab.toConfig(state, gs.registry);
  } catch (error) {
    showMessage(linkProblem(error, FALLBACK));
    config = lab.toConfig(lab.defaultState(), gs.registry);
  }

  const element = document.createElement('gradscape-playground');
  element.setAttribute('view', options.lab);
  element.setAttribute('controls', options.controls);
  element.setAttribute('theme', options.theme);
  element.setAttribute('site', './');
  if (options.autoplay === '1') element.setAttribute('autoplay', '');
  element.config = config;
  if (options.lab === 'landscape' && state.t != null) {  // a lab link held at step t (t=…&paused=1)
    element.seek(state.t);
    if (!state.paused) element.play();
  }
  // The figure fills the frame below the message row (embed.css), whose height changes as it shows.
  const messageBox = document.getElementById('embed-message');
  const fit = () => {
    const style = getComputedStyle(messageBox);
    const taken = messageBox.hidden ? 0
      : messageBox.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    element.setAttribute('height', String(Math.max(120, Math.floor(window.innerHeight - taken))));
  };
  fit();
  window.addEventListener('resize', fit);
  new ResizeObserver(fit).observe(messageBox);

  let ready = false;
  let commandSource = null;
  for (const type of EVENTS) {
    element.addEventListener(`gradscape:${type}`, (event) => {
      if (type === 'ready') {
        ready = true;
        document.body.dataset.ready = 'true';
        toParent({ type: 'gradscape:ready' });
        return;
      }
      const message = { type: `gradscape:${type}`, ...event.detail };
      if (type === 'error' && commandSource) post(commandSource, message);
      else toParent(message);
      if (type === 'error' && !ready) document.body.dataset.ready = 'error';
    });
  }

  window.addEventListener('message', (event) => {
    const command = parseCommand(event.data);
    if (!command) return;
    if (command.error) {
      post(event.source, { type: 'gradscape:error', message: command.error });
      return;
    }
    if (command.type === 'gradscape:play') element.play();
    else if (command.type === 'gradscape:pause') element.pause();
    else if (command.type === 'gradscape:reset') element.reset();
    else {
      commandSource = event.source;
      showMessage(null);
      element.config = command.config;
    }
  });

  document.getElementById('figure').append(element);
  window.gradscape = { gs, element };
}
