// The embeddable landscape figure (embed.html): the landscape page's surface, player and legend
// driven by the URL hash (embed/hash.mjs) and by the parent page through postMessage
// (embed/messages.mjs). Events to the parent ('gradscape:ready', 'gradscape:step' at most 10 per
// second, 'gradscape:diverged', 'gradscape:finished', 'gradscape:error') are posted with
// targetOrigin '*': they carry only the figure's progress and the engine's messages, no secrets.
import { loadGradscape } from '../api/gradscape.mjs';
import { HashError, encodeHash, fromConfig, toConfig } from '../landscape/state.mjs';
import { Player } from '../landscape/player.mjs';
import { runColour } from '../landscape/palette.mjs';
import { SurfaceView } from '../landscape/surface.mjs';
import { resolvedSpec } from '../landscape/spec.mjs';
import { Legend } from '../landscape/legend.mjs';
import { decodeEmbedHash } from './hash.mjs';
import { parseCommand } from './messages.mjs';

const $ = (id) => document.getElementById(id);
const STEP_EVENT_MS = 100;
const ICONS = {
  play: '<svg viewBox="0 0 16 16" aria-hidden="true"><path d="M4 2.5v11l9-5.5z"/></svg>',
  pause: '<svg viewBox="0 0 16 16" aria-hidden="true"><rect x="3.5" y="2.5" width="3" height="11" rx="0.6"/><rect x="9.5" y="2.5" width="3" height="11" rx="0.6"/></svg>',
};

const post = (target, message) => target?.postMessage(message, '*');
const toParent = (message) => { if (window.parent !== window) post(window.parent, message); };

function showMessage(text) {
  const box = $('embed-message');
  box.hidden = !text;
  box.textContent = text ?? '';
}

/** The hash's state and options, or the defaults with the reason shown in the figure. */
function initialHash(hash) {
  try {
    return decodeEmbedHash(hash);
  } catch (error) {
    const why = error instanceof HashError ? `URL hash: ${error.message}` : error.message;
    showMessage(`This link could not be used (${why}). Showing the default figure.`);
    return decodeEmbedHash('');
  }
}

function applyTheme(choice, surface) {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    const theme = choice === 'auto' ? (media.matches ? 'dark' : 'light') : choice;
    document.documentElement.dataset.theme = theme;
    surface.setTheme(theme);
  };
  if (choice === 'auto') media.addEventListener('change', apply);
  apply();
}

export async function start() {
  const { state: hashState, options } = initialHash(location.hash);
  document.body.dataset.controls = options.controls;
  $('embed-player').hidden = options.controls === 'none';
  const gs = await loadGradscape();
  const registry = gs.registry;
  const session = gs.createSession();
  const figure = $('surface');
  const chromeHeight = () => document.body.scrollHeight - figure.offsetHeight;
  const surface = new SurfaceView(figure, {
    grid: (x0, x1, y0, y1, nx, ny) => session.grid(x0, x1, y0, y1, nx, ny),
    maxHeight: () => window.innerHeight - chromeHeight() - 4,
  });
  applyTheme(options.theme, surface);
  const legend = new Legend($('legend'), {
    onSelect: () => {},
    onHover: (i) => { surface.setHighlight(i); surface.draw(); },
  });

  let labels = [];
  let reported = new Set();
  let lastStepEvent = 0;
  const runs = () => Array.from({ length: session.runCount }, (_, i) => ({
    label: labels[i], color: runColour(i), xy: session.trajectory(i), loss: session.loss(i), status: session.status(i),
  }));

  function report(list, force) {
    list.forEach((run, i) => {
      if (run.status.status !== 'diverged' || reported.has(i)) return;
      reported.add(i);
      toParent({ type: 'gradscape:diverged', run: i, label: run.label, step: run.status.diverged_at });
    });
    const now = performance.now();
    if (force || now - lastStepEvent >= STEP_EVENT_MS) {
      lastStepEvent = now;
      toParent({ type: 'gradscape:step', step: session.stepsDone, total: session.totalSteps });
    }
  }

  const frame = (force = false) => {
    const list = runs();
    surface.setRuns(list);
    surface.draw();
    legend.update(list, -1);
    $('step-count').textContent = `${session.stepsDone} / ${session.totalSteps}`;
    $('scrub').max = String(session.totalSteps);
    $('scrub').value = String(session.stepsDone);
    report(list, force);
  };
  let wasPlaying = false;
  const player = new Player(session, {
    onFrame: () => frame(),
    onState: () => {
      $('play').innerHTML = player.playing ? ICONS.pause : ICONS.play;
      $('play').setAttribute('aria-label', player.playing ? 'Pause' : 'Play');
      if (wasPlaying && !player.playing && session.finished) {
        frame(true);
        toParent({ type: 'gradscape:finished' });
      }
      wasPlaying = player.playing;
    },
  });

  /** Runs `config` (throws the engine's error if it is invalid) and shows `state` for it. */
  function load(config, state) {
    player.pause();
    session.configure(config);
    labels = state.optimizers.map((o) => resolvedSpec(registry, o).label);
    reported = new Set();
    const info = registry.objectives.find((o) => o.name === state.objective.name);
    surface.setObjective({ name: info.name, displayName: info.display_name, minima: session.minima(), view: info.view });
    surface.setView(state.view ?? info.view);
    surface.setStart(config.start);
    player.stepsPerFrame = state.stepsPerFrame;
    $('open-full').href = `./index.html${encodeHash(state)}`;
    player.reset();
    if (options.autoplay === '1') player.play();
    else player.finish();
  }

  let state = hashState;
  try {
    load(toConfig(state, registry), state);
  } catch (error) {
    showMessage(`This link could not be used (${error.message}). Showing the default figure.`);
    state = decodeEmbedHash('').state;
    load(toConfig(state, registry), state);
  }

  $('play').addEventListener('click', () => player.toggle());
  $('reset').addEventListener('click', () => player.reset());
  $('scrub').addEventListener('input', () => player.seek(Number($('scrub').value)));

  window.addEventListener('message', (event) => {
    const command = parseCommand(event.data);
    if (!command) return;
    if (command.error) {
      post(event.source, { type: 'gradscape:error', message: command.error });
      return;
    }
    if (command.type === 'gradscape:play') player.play();
    else if (command.type === 'gradscape:pause') player.pause();
    else if (command.type === 'gradscape:reset') {
      player.reset();
      frame(true);
    } else {
      try {
        const next = fromConfig(command.config);
        load(command.config, next);
        showMessage(null);
      } catch (error) {
        post(event.source, { type: 'gradscape:error', message: error.message });
      }
    }
  });

  window.gradscape = { gs, session, player, surface };
  document.body.dataset.ready = 'true';
  toParent({ type: 'gradscape:ready' });
}
