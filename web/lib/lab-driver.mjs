// What every lab's driver (<lab>/driver.mjs, the worker's side of a lab, also run on the page by
// the web component) shares: the engine, the way out, and the chunked loop's clock. A driver works
// in chunks of about chunkMs of engine time and awaits yieldTask() between them, so that a Cancel
// or a newer request is seen.
export const CHUNK_MS = 20;

export class LabDriver {
  /**
   * gs: a loaded Gradscape (with the lab's modules); post(message, transfer): the way out;
   * yieldTask(): a promise that resolves after pending messages have been handled; now(): ms.
   */
  constructor(gs, { post, yieldTask, now = () => performance.now(), chunkMs = CHUNK_MS }) {
    this.gs = gs;
    this.post = post;
    this.yieldTask = yieldTask;
    this.now = now;
    this.chunkMs = chunkMs;
  }
}
