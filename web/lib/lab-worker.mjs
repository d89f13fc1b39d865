// The labs' Web Worker, one module for every lab that computes off the page (labs.mjs: a lab with a `driver`).
// The page's first message names the lab, {type: 'lab', name}; the worker loads the engine with
// the lab's modules and the lab's driver (<name>/driver.mjs), then hands it every message; the
// driver runs in chunks and yields between them (yieldTask) so that a Cancel or a new run is seen.
// Out, besides the driver's messages: {type: 'ready', registry, flavour} · {type: 'fatal', message}.
import { loadGradscape } from '../api/gradscape.mjs';
import { LABS } from '../labs.mjs';

const post = (message, transfer = []) => self.postMessage(message, transfer);

// Yields to the worker's message queue without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldTask = () => new Promise((resolve) => {
  waiting.push(resolve);
  channel.port2.postMessage(0);
});

async function start(name) {
  const lab = LABS[name];
  if (!lab?.driver) throw new Error(`no lab "${name}" computes in a worker`);
  const [gs, module] = await Promise.all([loadGradscape(lab.engine), import(`../${name}/driver.mjs`)]);
  return { gs, driver: new module[lab.driver](gs, { post, yieldTask }) };
}

const pending = [];
let driver = null;
self.onmessage = (event) => {
  const message = event.data;
  if (driver) driver.handle(message);
  else if (message?.type !== 'lab') pending.push(message);
  else {
    start(message.name).then((started) => {
      ({ driver } = started);
      post({ type: 'ready', registry: started.gs.registry, flavour: started.gs.flavour });
      for (const queued of pending.splice(0)) driver.handle(queued);
    }, (error) => post({ type: 'fatal', message: `the engine could not be loaded: ${error.message}` }));
  }
};
