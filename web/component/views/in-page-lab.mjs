// A lab's driver (<lab>/driver.mjs) run on the page for a component view, behind a worker's
// interface (in-thread-worker.mjs) so that the lab's runner talks to it as to the labs' worker,
// in slices the element's player paces (slicer.mjs), with its progress as element events.
import { InThreadWorker } from './in-thread-worker.mjs';
import { Slicer } from './slicer.mjs';
import { ProgressEvents } from './progress-events.mjs';

// Shorter chunks than the worker's: here the driver shares the page's main thread.
const CHUNK_MS = 12;

/**
 * {port (the runner's worker), driver, slicer, events, fail(error), close()} for Driver over
 * engine gs; close() stops the driver and frees its sessions.
 */
export function inPageLab(ctx, gs, Driver) {
  const slicer = new Slicer(ctx.signal);
  const events = new ProgressEvents(ctx.emit);
  const fail = (error) => ctx.emit('error', { message: error?.message ?? String(error) });
  const port = new InThreadWorker(fail);
  const driver = new Driver(gs, { post: port.deliver, yieldTask: slicer.yieldTask, chunkMs: CHUNK_MS });
  port.attach(driver);
  const close = () => {
    port.close();
    driver.dispose();
  };
  return { port, driver, slicer, events, fail, close };
}

/** A view's player methods: play (re-running a figure that has ended), pause and reset. */
export function playerMethods({ frame, slicer, run, showState }) {
  return {
    play() {
      if (frame.ended) run();
      slicer.play();
      showState();
    },
    pause() {
      slicer.pause();
      showState();
    },
    reset() { run(); },
  };
}
