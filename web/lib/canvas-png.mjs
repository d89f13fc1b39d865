// The exports' PNG encoding: the fixed pixel ratio every exported image is painted at (2, whatever
// the screen's), a canvas as a PNG blob, and the "step k / N" stamp of the PNGs and animations.

export const EXPORT_RATIO = 2;

/** A canvas as a PNG blob. */
export function canvasPNG(canvas) {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
}

/** "step k / N". */
export const stepStamp = (k, n) => `step ${k} / ${n}`;
