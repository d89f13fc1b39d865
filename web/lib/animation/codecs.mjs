// The video exports' WebCodecs settings: the VideoEncoder config of WebM (VP9, profile 0, 8 bits)
// and MP4 (H.264 constrained baseline, its level from the frame size) at a bitrate from the pixel
// rate; and whether this browser can encode each (the dialog disables a format with the reason).

// H.264 levels (Annex A) by their largest frame in 16 × 16 macroblocks: 3.1, 4.0, 5.0, 5.1.
const AVC_LEVELS = [[3600, '1f'], [8192, '28'], [22080, '32'], [36864, '33']];

function avcCodec(width, height) {
  const blocks = Math.ceil(width / 16) * Math.ceil(height / 16);
  const level = AVC_LEVELS.find(([max]) => blocks <= max)?.[1] ?? '33';
  return `avc1.42e0${level}`;
}

/** The VideoEncoder config of `format` ('webm' or 'mp4') for frames of width × height at fps. */
export function videoConfig(format, width, height, fps) {
  const bitrate = Math.round(Math.min(Math.max(width * height * fps * 0.12, 500e3), 40e6));
  const base = { width, height, bitrate, framerate: fps, latencyMode: 'quality' };
  if (format === 'mp4') return { ...base, codec: avcCodec(width, height), avc: { format: 'avc' } };
  return { ...base, codec: 'vp09.00.41.08' };
}

const NAMES = { webm: 'WebM (VP9)', mp4: 'MP4 (H.264)' };

/**
 * Whether this browser can encode WebM and MP4 at width × height: { webm: reason|null, mp4: reason|null },
 * a reason (a sentence) when it cannot.
 */
export async function videoSupport(width = 800, height = 600, fps = 30) {
  const out = {};
  for (const format of ['webm', 'mp4']) {
    if (typeof globalThis.VideoEncoder !== 'function') {
      out[format] = 'This browser has no WebCodecs video encoder (VideoEncoder); GIF still works.';
      continue;
    }
    try {
      const { supported } = await VideoEncoder.isConfigSupported(videoConfig(format, width, height, fps));
      out[format] = supported ? null : `This browser cannot encode ${NAMES[format]} at ${width} × ${height}.`;
    } catch (error) {
      out[format] = `This browser cannot encode ${NAMES[format]}: ${error.message}`;
    }
  }
  return out;
}
