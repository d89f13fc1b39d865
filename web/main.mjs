// Entry point of the landscape page.
import { start } from './landscape/app.mjs';
import { registerOffline } from './shared/offline.mjs';

registerOffline();
start().catch((error) => {
  const box = document.getElementById('message');
  box.hidden = false;
  document.getElementById('message-text').textContent = `Gradscape could not start: ${error.message}`;
  document.body.dataset.ready = 'error';
  console.error(error);
});
