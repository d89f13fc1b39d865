// Entry point of the paper lab page (paper.html).
import { start } from './app.mjs';
import { registerOffline } from '../shared/offline.mjs';

registerOffline();
start().catch((error) => {
  const box = document.getElementById('message');
  box.hidden = false;
  document.getElementById('message-text').textContent = `The paper lab could not start: ${error.message}`;
  document.getElementById('progress-text').textContent = '';
  document.body.dataset.ready = 'error';
  console.error(error);
});
