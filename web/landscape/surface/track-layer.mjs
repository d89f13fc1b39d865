// The trajectories rasterised once: a halo layer under a line layer, device-pixel canvases in
// the overlay's coordinates. update() strokes only the commands each track gained since the last
// frame, so a frame costs two blits however long the runs; a new view, size, highlight, colour or
// a restarted run (signature) clears and restrokes everything once.

import { clipToPlot } from './layout.mjs';
import { strokePass } from './run-style.mjs';

const LAYER_CHUNK = 256;

export class TrackLayer {
  halo = document.createElement('canvas');
  line = document.createElement('canvas');
  signature = '';
  map = null;
  width = 0;
  height = 0;
  drawn = [];

  reset(layout, map, signature) {
    for (const canvas of [this.halo, this.line]) {
      canvas.width = Math.round(layout.width * layout.dpr);
      canvas.height = Math.round(layout.height * layout.dpr);
      const ctx = canvas.getContext('2d');
      ctx.setTransform(layout.dpr, 0, 0, layout.dpr, 0, 0);
      clipToPlot(ctx, layout);
    }
    this.signature = signature;
    this.map = map;
    this.width = layout.width;
    this.height = layout.height;
    this.drawn = [];
  }

  update(tracks, order, styleOf) {
    const halo = this.halo.getContext('2d');
    const line = this.line.getContext('2d');
    for (const i of order) {
      const style = styleOf(i);
      for (let from = this.drawn[i] ?? 0; from < tracks[i].cmds; from += LAYER_CHUNK) {
        const path = tracks[i].pathFrom(from, Math.min(from + LAYER_CHUNK, tracks[i].cmds));
        strokePass(halo, path, style, 'halo');
        strokePass(line, path, style, 'line');
      }
      this.drawn[i] = tracks[i].cmds;
    }
  }

  /** Both layers onto ctx (device-pixel transform), as they are. */
  blit(ctx) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(this.halo, 0, 0);
    ctx.drawImage(this.line, 0, 0);
    ctx.restore();
  }

  /** Both layers moved and scaled from the view they were drawn for onto `map` (during gestures). */
  reproject(ctx, layout, map) {
    const kx = map.ax / this.map.ax;
    const ky = map.ay / this.map.ay;
    ctx.save();
    clipToPlot(ctx, layout);
    ctx.transform(kx, 0, 0, ky, map.bx - kx * this.map.bx, map.by - ky * this.map.by);
    ctx.drawImage(this.halo, 0, 0, this.width, this.height);
    ctx.drawImage(this.line, 0, 0, this.width, this.height);
    ctx.restore();
  }
}
