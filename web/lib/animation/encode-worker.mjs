// The animation exports' encoder, in a worker: frames arrive as RGBA pixels ({type: 'frame'}) and
// the finished file leaves as bytes ({type: 'done'}). GIF: gifenc, with ONE palette quantised from
// a sample of frames across the whole clip (sent with 'start'), so colours don't flicker; each
// frame after the first keeps only the pixels that changed (the rest transparent over the frame
// before), and the hold at the end is the last frame's delay. WebM (VP9) and MP4 (H.264): WebCodecs' VideoEncoder, muxed
// by mediabunny; the hold repeats the last frame at the clip's frame rate. Every message is
// answered ('ready', 'encoded' per frame: the driver's backpressure; 'done' or 'error').
import { GIFEncoder, applyPalette, quantize } from 'gifenc';
import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, Mp4OutputFormat, Output, WebMOutputFormat } from 'mediabunny';
import { videoConfig } from './codecs.mjs';

let encoder = null;
// The palette's last entry, never a pixel's colour: the index of "as in the frame before".
const TRANSPARENT_SLOT = [255, 0, 255];

// GIF delays are in hundredths of a second: frame i lasts from round(i·100/fps) to round((i+1)·100/fps)
// hundredths, so the clip keeps its length whatever the frame rate.
const gifDelay = (i, fps, extra = 0) => 10 * (Math.round(((i + 1) * 100) / fps) - Math.round((i * 100) / fps)) + extra;

function gifEncoder({ width, height, fps, sample }) {
  const gif = GIFEncoder();
  const palette = [...quantize(new Uint8Array(sample), 255), TRANSPARENT_SLOT];
  const transparentIndex = palette.length - 1;
  let previous = null;
  let index = 0;
  return {
    frame(rgba, holdMs) {
      const pixels = applyPalette(new Uint8Array(rgba), palette.slice(0, transparentIndex));
      const delay = gifDelay(index, fps, Math.round(holdMs / 10) * 10);
      if (!previous) gif.writeFrame(pixels, width, height, { palette, delay });
      else {
        const changed = pixels.slice();
        for (let i = 0; i < changed.length; ++i) if (changed[i] === previous[i]) changed[i] = transparentIndex;
        gif.writeFrame(changed, width, height, { delay, transparent: true, transparentIndex, dispose: 1 });
      }
      previous = pixels;
      index += 1;
    },
    async finish() {
      gif.finish();
      return { bytes: gif.bytesView().slice().buffer, type: 'image/gif' };
    },
  };
}

async function videoEncoder({ format, width, height, fps }) {
  const mp4 = format === 'mp4';
  const output = new Output({ format: mp4 ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(), target: new BufferTarget() });
  const source = new EncodedVideoPacketSource(mp4 ? 'avc' : 'vp9');
  output.addVideoTrack(source, { frameRate: fps });
  await output.start();
  let muxing = Promise.resolve();
  let failure = null;
  const codec = new VideoEncoder({
    output: (chunk, meta) => {
      const packet = EncodedPacket.fromEncodedChunk(chunk);
      muxing = muxing.then(() => source.add(packet, meta));
    },
    error: (error) => { failure = error; },
  });
  codec.configure(videoConfig(format, width, height, fps));
  const frameUs = 1e6 / fps;
  let index = 0;
  const encodeOne = async (frame) => {
    codec.encode(frame, { keyFrame: index % (2 * fps) === 0 });
    index += 1;
    if (codec.encodeQueueSize > 4) await new Promise((resolve) => codec.addEventListener('dequeue', resolve, { once: true }));
    if (failure) throw failure;
  };
  return {
    async frame(rgba, holdMs) {
      const repeats = 1 + Math.round((holdMs / 1000) * fps);
      const data = new Uint8Array(rgba);
      for (let r = 0; r < repeats; ++r) {
        const frame = new VideoFrame(data, { format: 'RGBA', codedWidth: width, codedHeight: height, timestamp: Math.round(index * frameUs), duration: Math.round(frameUs) });
        try {
          await encodeOne(frame);
        } finally {
          frame.close();
        }
      }
    },
    async finish() {
      await codec.flush();
      if (failure) throw failure;
      codec.close();
      await muxing;
      await output.finalize();
      return { bytes: output.target.buffer, type: mp4 ? 'video/mp4' : 'video/webm' };
    },
  };
}

async function handle(message) {
  if (message.type === 'start') {
    encoder = message.format === 'gif' ? gifEncoder(message) : await videoEncoder(message);
    postMessage({ type: 'ready' });
  } else if (message.type === 'frame') {
    await encoder.frame(message.rgba, message.holdMs ?? 0);
    postMessage({ type: 'encoded', index: message.index });
  } else if (message.type === 'finish') {
    const { bytes, type } = await encoder.finish();
    postMessage({ type: 'done', bytes, mime: type }, [bytes]);
  }
}

let queue = Promise.resolve();
self.onmessage = ({ data }) => {
  queue = queue.then(() => handle(data)).catch((error) => postMessage({ type: 'error', message: error?.message ?? String(error) }));
};
