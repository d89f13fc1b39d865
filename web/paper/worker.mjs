// The paper lab's Web Worker: loads the engine with the train module, sends the registry, then
// trains in chunks (driver.mjs) so the page stays responsive.
// Out, besides the driver's messages: {type: 'ready', registry, flavour} · {type: 'fatal', message}.
import { loadGradscape } from '../api/gradscape.mjs';
import { PaperDriver } from './driver.mjs';

const post = (message, transfer = []) => self.postMessage(message, transfer);

// Yields to the worker's message queue without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldTask = () => new Promise((resolve) => {
  waiting.push(resolve);
  channel.port2.postMessage(0);
});

const pending = [];
let driver = null;
self.onmessage = (event) => {
  if (driver) driver.handle(event.data);
  else pending.push(event.data);
};

loadGradscape({ train: true }).then((gs) => {
  driver = new PaperDriver(gs, { post, yieldTask });
  post({ type: 'ready', registry: gs.registry, flavour: gs.flavour });
  for (const message of pending.splice(0)) driver.handle(message);
}, (error) => post({ type: 'fatal', message: `the engine could not be loaded: ${error.message}` }));
