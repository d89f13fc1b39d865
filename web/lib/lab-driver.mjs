// What every lab's driver (<lab>/driver.mjs, the worker's side of a lab, also run on the page by
// the web component) shares: the engine, the way out, and the chunked loop's clock. A driver works
// in chunks of about chunkMs of engine time and awaits yieldTask() between them, so that a Cancel
// or a newer request is seen.
import { allErrors } from './all-errors.mjs';

export const CHUNK_MS = 20;

/**
 * Every field of `config` the engine refuses, not only `first` (the error create(config) threw):
 * [{field, message}], found by allErrors with each refused field dropped in turn so the engine's
 * default applies. create(config) makes a session (deleted at once) or throws naming the field.
 */
export function configErrors(config, create, first) {
  const { errors } = allErrors(config, (c) => create(c).delete(), {});
  return errors.length ? errors : [{ field: first.field ?? null, message: first.message }];
}

/**
 * The next chunk's size (rows, trials…) from the last one's `size` and its time `ms`: aimed at
 * chunkMs, growing at most 4× at once, in [1, max].
 */
export function nextChunk(size, ms, chunkMs = CHUNK_MS, max = 512) {
  if (!(ms > 0.5)) return Math.min(size * 4, max);
  return Math.max(1, Math.min(Math.floor(size * (chunkMs / ms)), size * 4, max));
}

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
