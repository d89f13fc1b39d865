// The sweep lab's Web Worker (a module worker): loads the engine with its sweep module, says it is
// ready, then computes maps in chunks (driver.mjs) so the page stays responsive for 512 × 512 maps.
// Out, besides the driver's messages: {type: 'ready', flavour} · {type: 'fatal', message}.
import { loadGradscape } from '../api/gradscape.mjs';
import { SweepDriver } from './driver.mjs';

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

loadGradscape({ sweep: true }).then((gs) => {
  driver = new SweepDriver(gs, { post, yieldTask });
  post({ type: 'ready', flavour: gs.flavour });
  for (const message of pending.splice(0)) driver.handle(message);
}, (error) => post({ type: 'fatal', message: `the sweep engine could not be loaded: ${error.message}` }));
