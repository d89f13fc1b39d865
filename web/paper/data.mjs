// The Fashion-MNIST subset (public/data/fashion-mnist-6k.bin, 2.75 MB), fetched when the paper lab
// opens, read through the response's ReadableStream so a progress bar can show the bytes.

/** The image file's URL beside the page (or the given site folder). */
export const imagesUrl = (base = document.baseURI) => new URL('./data/fashion-mnist-6k.bin', base).href;

/**
 * Fetches `url` into one Uint8Array, calling onProgress(loaded, total) per chunk (total: the
 * Content-Length, or NaN when the server sends none or the body is encoded, e.g. gzipped: then
 * Content-Length counts the compressed bytes, while the stream gives the decoded ones). Rejects
 * with a message naming the URL.
 */
export async function fetchBytes(url, onProgress = () => {}, { signal } = {}) {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`could not fetch ${url}: HTTP ${response.status}`);
  const length = response.headers.get('content-length');
  const total = length === null || response.headers.get('content-encoding') ? NaN : Number(length);
  onProgress(0, total);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress(bytes.length, total);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The fraction of the download done, in [0, 1] (0 while the total is unknown). */
export function downloadFraction(loaded, total) {
  return Number.isFinite(total) && total > 0 ? Math.min(1, Math.max(0, loaded / total)) : 0;
}

/** "1.2 / 2.8 MB", or "1.2 MB" while the total is unknown (or wrong: below the bytes loaded). */
export function formatBytes(loaded, total) {
  const mb = (n) => (n / 1e6).toFixed(1);
  return Number.isFinite(total) && total > 0 && loaded <= total ? `${mb(loaded)} / ${mb(total)} MB` : `${mb(loaded)} MB`;
}
