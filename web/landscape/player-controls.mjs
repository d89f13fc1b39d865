// The player's buttons, selects and keyboard shortcuts: space plays or pauses, "." steps one step
// and "," steps back one (with Shift, or a Shift+click on the step buttons, one frame: steps-per-frame
// steps), r resets. The shortcuts are listed in the buttons' titles and aria-keyshortcuts.
import { STEPS_PER_FRAME, SPEEDS } from './player.mjs';
import { typesText } from '../lib/dom.mjs';

const $ = (id) => document.getElementById(id);

/** What the forward (1) or back (-1) key of event e asks for: { direction, frame }, or null. */
function stepKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === '.' || e.key === '>') return { direction: 1, frame: e.shiftKey || e.key === '>' };
  if (e.key === ',' || e.key === '<') return { direction: -1, frame: e.shiftKey || e.key === '<' };
  return null;
}

export function setUpPlayerControls(player, store) {
  const steps = (frame) => (frame ? player.stepsPerFrame : 1);
  $('play').addEventListener('click', () => player.toggle());
  $('step').addEventListener('click', (e) => player.step(steps(e.shiftKey)));
  $('step-back').addEventListener('click', (e) => player.back(steps(e.shiftKey)));
  $('reset').addEventListener('click', () => player.reset());
  $('scrub').addEventListener('input', (e) => player.seek(Number(e.target.value)));
  const spf = $('steps-per-frame');
  spf.replaceChildren(...STEPS_PER_FRAME.map((k) => new Option(`${k} / frame`, String(k))));
  spf.addEventListener('change', () => store.update((s) => { s.stepsPerFrame = Number(spf.value); }, 'view'));
  spf.addEventListener('change', () => { player.stepsPerFrame = Number(spf.value); });
  const speed = $('speed');
  speed.replaceChildren(...SPEEDS.map((v) => new Option(v === 1 ? 'normal' : `${v}×`, String(v))));
  speed.value = '1';
  speed.addEventListener('change', () => { player.speed = Number(speed.value); });
  document.addEventListener('keydown', (e) => {
    if (typesText(e.target)) return;
    const step = stepKey(e);
    if (step) {
      e.preventDefault();
      if (step.direction > 0) player.step(steps(step.frame));
      else player.back(steps(step.frame));
    } else if (e.key === ' ' && !e.target.closest?.('button, summary, canvas, input, [role="menuitem"]')) {
      e.preventDefault();
      player.toggle();
    } else if (e.key === 'r' && !(e.ctrlKey || e.metaKey || e.altKey)) player.reset();
  });
}
