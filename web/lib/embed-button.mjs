// The top bar's "Embed" button on every lab page: a dialog with the ways to put the current
// figure in another page, for the current state: the <iframe> of embed.html#lab=…&<state> and the
// <gradscape-playground> web component (its module script and the tag with the config as JSON),
// with the figure's controls, theme, height and autoplay to choose, and a Copy button; and, for
// hosts without scripts, an image with a link: a <picture> of the figure's light and dark PNGs
// (with buttons to download both) inside a link to the live figure. URLs are absolute (from
// location), so a snippet works when pasted anywhere.
import { LABS } from '../labs.mjs';
import { toast, showMessage } from './notices.mjs';
import { saveFile } from './download.mjs';

// Attribute values: double-quoted ones escape & and ", the single-quoted config JSON & and '.
const attr = (s) => String(s).replaceAll('&', '&amp;').replaceAll('"', '&quot;');
const singleQuoted = (s) => String(s).replaceAll('&', '&amp;').replaceAll("'", '&#39;');

/** The embed options' part of the hash and of the tag: only what differs from the defaults. */
function embedOptions({ controls, theme, autoplay }) {
  const hash = [];
  const tag = [];
  if (controls !== 'minimal') { hash.push(`controls=${controls}`); tag.push(`controls="${controls}"`); }
  if (theme !== 'auto') { hash.push(`theme=${theme}`); tag.push(`theme="${theme}"`); }
  if (!autoplay) hash.push('autoplay=0');
  else tag.push('autoplay');
  return { hash, tag };
}

/** The iframe snippet for `lab` showing the state of `stateHash` ("#f=…"), for the page at `href`. */
export function iframeSnippet(href, lab, stateHash, options) {
  const { hash } = embedOptions(options);
  const parts = [...(lab === 'landscape' ? [] : [`lab=${lab}`]), ...hash, ...stateHash.replace(/^#/, '').split('&').filter(Boolean)];
  const src = new URL(`./embed.html${parts.length ? `#${parts.join('&')}` : ''}`, href.split('#')[0]).href;
  return `<iframe src="${attr(src)}" width="100%" height="${options.height}" style="border:0" loading="lazy" title="${attr(LABS[lab].title)}"></iframe>`;
}

/** The web-component snippet: the module script and the tag with `config` as JSON. */
export function componentSnippet(href, lab, config, options) {
  const { tag } = embedOptions(options);
  const script = new URL('./component/gradscape-playground.mjs', href.split('#')[0]).href;
  const attributes = [`view="${lab}"`, ...tag, `height="${options.height}"`, `config='${singleQuoted(JSON.stringify(config))}'`];
  return `<script type="module" src="${attr(script)}"></script>\n<gradscape-playground ${attributes.join(' ')}></gradscape-playground>`;
}

/** The lab page at `href` showing the state of `stateHash` ("#f=…" or "f=…"). */
export function liveUrl(href, stateHash) {
  const state = stateHash.replace(/^#/, '');
  return `${href.split('#')[0]}${state ? `#${state}` : ''}`;
}

/**
 * The image-with-link snippet: <a href=live><picture> with NAME-dark.png for dark schemes and
 * NAME.png otherwise, `alt` and the CSS size width × height.
 */
export function imageSnippet(href, stateHash, { name, alt, width, height }) {
  return `<a href="${attr(liveUrl(href, stateHash))}"><picture>` +
    `<source srcset="${attr(`${name}-dark.png`)}" media="(prefers-color-scheme: dark)">` +
    `<img src="${attr(`${name}.png`)}" alt="${attr(alt)}" width="${width}" height="${height}">` +
    '</picture></a>';
}

// The CSS size of a PNG painted at `ratio` device pixels per CSS pixel (its IHDR width and height).
async function pngSize(blob, ratio) {
  const view = new DataView(await blob.slice(16, 24).arrayBuffer());
  return { width: Math.round(view.getUint32(0) / ratio), height: Math.round(view.getUint32(4) / ratio) };
}

const DIALOG = `<form method="dialog">
  <p class="embed-dialog-title"><strong>Embed this figure</strong></p>
  <div class="embed-dialog-kinds" role="radiogroup" aria-label="Form">
    <label><input type="radio" name="kind" value="iframe" checked> iframe</label>
    <label><input type="radio" name="kind" value="component"> web component</label>
    <label data-kind="image" hidden><input type="radio" name="kind" value="image"> image with link</label>
  </div>
  <div class="embed-dialog-options">
    <label>Controls <select name="controls"><option value="minimal">minimal</option><option value="none">none</option><option value="full">full</option></select></label>
    <label>Theme <select name="theme"><option value="auto">auto</option><option value="light">light</option><option value="dark">dark</option></select></label>
    <label>Height <input type="number" name="height" min="120" max="4000" step="10" value="480"> px</label>
    <label><input type="checkbox" name="autoplay" checked> autoplay</label>
  </div>
  <label for="embed-snippet" class="embed-dialog-hint"></label>
  <textarea id="embed-snippet" rows="6" readonly spellcheck="false"></textarea>
  <p class="embed-dialog-actions"><button type="button" data-image="light" hidden>Download light PNG</button> <button type="button" data-image="dark" hidden>Download dark PNG</button> <button type="button" id="embed-copy" class="primary">Copy</button> <button value="close">Close</button></p>
</form>`;

/**
 * Wires `button` to the dialog. `lab` is 'landscape' | 'regret' | 'sweep' | 'paper'; `current()` returns
 * { hash, config }: the page's state hash and the config the figure runs. `image` (optional) offers
 * the image with a link: { name (the PNGs' file name without .png), alt() (the image's description
 * for the current state), png(theme) (a promise of the figure's PNG blob in 'light' or 'dark',
 * painted at `ratio`, default 2, pixels per CSS pixel) }.
 */
export function setUpEmbedButton(button, lab, current, image = null) {
  const dialog = document.createElement('dialog');
  dialog.className = 'embed-dialog';
  dialog.setAttribute('aria-label', 'Embed this figure');
  dialog.innerHTML = DIALOG;
  const form = dialog.querySelector('form');
  const snippet = dialog.querySelector('textarea');
  const hint = dialog.querySelector('.embed-dialog-hint');
  document.body.append(dialog);

  const options = () => {
    const height = Math.round(Number(form.elements.height.value));
    return {
      controls: form.elements.controls.value,
      theme: form.elements.theme.value,
      autoplay: form.elements.autoplay.checked,
      height: height >= 120 && height <= 4000 ? height : 480,
    };
  };
  const imageButtons = [...dialog.querySelectorAll('[data-image]')];
  const optionsBox = dialog.querySelector('.embed-dialog-options');
  if (image) dialog.querySelector('[data-kind="image"]').hidden = false;
  let imageSize = null;  // { key: the state hash it was measured for, width, height }
  const renderImage = async (hash) => {
    hint.textContent = 'Paste this HTML into your page, and put the two PNGs (Download below) next to it:';
    if (imageSize?.key !== hash) {
      snippet.value = 'Rendering the figure…';
      imageSize = { key: hash, ...await pngSize(await image.png('light'), image.ratio ?? 2) };
    }
    if (form.elements.kind.value !== 'image') return;
    snippet.value = imageSnippet(location.href, hash, { name: image.name, alt: image.alt(), width: imageSize.width, height: imageSize.height });
    dialog.dataset.ready = 'image';
  };
  const render = () => {
    const { hash, config } = current();
    const kind = form.elements.kind.value;
    optionsBox.hidden = kind === 'image';
    for (const b of imageButtons) b.hidden = kind !== 'image';
    delete dialog.dataset.ready;
    if (kind === 'image') {
      renderImage(hash).catch((error) => { snippet.value = `The figure could not be rendered: ${error.message}`; });
      return;
    }
    const component = kind === 'component';
    hint.textContent = component
      ? 'Paste this HTML into your page (the script once per page, then one tag per figure):'
      : 'Paste this HTML into your page:';
    snippet.value = component
      ? componentSnippet(location.href, lab, config, options())
      : iframeSnippet(location.href, lab, hash, options());
  };
  form.addEventListener('input', render);
  button.addEventListener('click', () => {
    render();
    dialog.showModal();
    snippet.select();
  });
  for (const b of imageButtons) {
    b.addEventListener('click', async () => {
      try {
        const dark = b.dataset.image === 'dark';
        saveFile(`${image.name}${dark ? '-dark' : ''}.png`, await image.png(b.dataset.image));
      } catch (error) {
        showMessage(`Embed image: ${error.message}`);
      }
    });
  }
  dialog.querySelector('#embed-copy').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(snippet.value);
      toast('Embed code copied');
    } catch {
      snippet.select();
      toast('Press Ctrl+C to copy');
    }
  });
}
