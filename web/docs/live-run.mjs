// The live gs.run(config) example: runs the config in the textarea on this page's engine and
// shows the result JSON, or the GradscapeError (its field and message) for a bad config.
import { GradscapeError } from '../api/gradscape.mjs';

const BAD = `{"objective": "rosenbrock", "steps": 3,
 "optimizers": [{"name": "adam", "lr": 0.05, "beta2": 1.5}]}`;

/** JSON with two-space indentation, arrays of numbers or strings kept on one line. */
export function formatResult(value) {
  return JSON.stringify(value, null, 2)
    .replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, inner) => `[${inner.split(/,\s+/).join(', ')}]`);
}

export function initLiveRun(gs) {
  const input = document.getElementById('run-config-input');
  const output = document.querySelector('#run-output code');
  const time = document.getElementById('run-time');
  const run = () => {
    output.parentElement.classList.remove('error');
    let config;
    try {
      config = JSON.parse(input.value);
    } catch (error) {
      output.parentElement.classList.add('error');
      output.textContent = `not JSON: ${error.message}`;
      time.textContent = '';
      return;
    }
    try {
      const t0 = performance.now();
      const result = gs.run(config);
      time.textContent = `${(performance.now() - t0).toFixed(1)} ms`;
      output.textContent = formatResult(result);
    } catch (error) {
      output.parentElement.classList.add('error');
      output.textContent = error instanceof GradscapeError
        ? `GradscapeError\n  field:   ${JSON.stringify(error.field)}\n  message: ${error.message}`
        : `The engine failed: ${error.message}`;
      time.textContent = '';
    }
  };
  document.getElementById('run-button').addEventListener('click', run);
  document.getElementById('run-bad').addEventListener('click', () => {
    input.value = BAD;
    run();
  });
  run();
}
