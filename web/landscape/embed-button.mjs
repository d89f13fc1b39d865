// The top bar's "Embed" button: a dialog with the <iframe> snippet of embed.html for the current
// state (absolute URL from location) and a Copy button.
import { toast } from '../shared/notices.mjs';

/** The iframe snippet that embeds the figure of `hash` ("#f=…") from the page at `href`. */
export function embedSnippet(href, hash) {
  const src = new URL(`./embed.html${hash}`, href.split('#')[0]).href;
  const attr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return `<iframe src="${attr(src)}" width="100%" height="480" style="border:0" loading="lazy" title="Gradscape: optimizers on a loss surface"></iframe>`;
}

export function setUpEmbedButton(button, currentHash) {
  const dialog = document.createElement('dialog');
  dialog.className = 'embed-dialog';
  dialog.setAttribute('aria-label', 'Embed this figure');
  dialog.innerHTML = '<form method="dialog"><p><strong>Embed this figure</strong></p>'
    + '<label for="embed-snippet">Paste this HTML into your page:</label>'
    + '<textarea id="embed-snippet" rows="5" readonly spellcheck="false"></textarea>'
    + '<p class="embed-dialog-actions"><button type="button" id="embed-copy" class="primary">Copy</button> <button value="close">Close</button></p></form>';
  const snippet = dialog.querySelector('textarea');
  Object.assign(snippet.style, { width: '100%', boxSizing: 'border-box', fontFamily: 'monospace', fontSize: '0.8rem' });
  Object.assign(dialog.style, { maxWidth: 'min(36rem, 92vw)', borderRadius: '10px', border: '1px solid var(--border)', background: 'var(--card)', color: 'var(--fg)' });
  document.body.append(dialog);
  button.addEventListener('click', () => {
    snippet.value = embedSnippet(location.href, currentHash());
    dialog.showModal();
    snippet.select();
  });
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
