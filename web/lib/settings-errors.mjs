// Settings the engine refuses, shown the same way in every lab: each {field, message} marked under
// its field at once, one line in the message box saying how many (with those no field shows), and
// the figures dimmed (body[data-stale], stale.css): they still show the last valid settings' runs.
import { showMessage } from './notices.mjs';

/** Marks `errors` in `controls` (showErrors/clearErrors) and says so; the figures are dimmed. */
export function showSettingErrors(controls, errors) {
  controls.clearErrors();
  const shown = controls.showErrors(errors);
  const unplaced = errors.filter((e) => !e.field || !document.querySelector(`#controls [data-field="${CSS.escape(e.field)}"]`));
  if (shown === errors.length) unplaced.length = 0;  // each is marked (under an enclosing field)
  const count = errors.length === 1 ? 'a value' : `${errors.length} values`;
  const listed = unplaced.length ? `: ${unplaced.map((e) => e.message).join('; ')}` : '';
  showMessage(`The settings have ${count} the engine cannot run${shown ? ' (marked in red)' : ''}${listed}. The figures show the last valid settings, and the link keeps them.`);
  document.body.toggleAttribute('data-stale', true);
}

/** Clears what showSettingErrors() showed. */
export function clearSettingErrors(controls) {
  controls.clearErrors();
  document.body.toggleAttribute('data-stale', false);
  if (document.getElementById('message').dataset.kind === 'error') showMessage(null);
}
