// Entry point of the embeddable figure (embed.html).
import { start } from './app.mjs';

start().catch((error) => {
  const box = document.getElementById('embed-message');
  box.hidden = false;
  box.textContent = `Gradscape could not start: ${error.message}`;
  document.body.dataset.ready = 'error';
  console.error(error);
});
