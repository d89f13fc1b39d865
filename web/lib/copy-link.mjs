// The top bar's "Copy link" button: the page's URL with the current state's hash, to the
// clipboard (or in a prompt where the clipboard is not available).
import { toast } from './notices.mjs';

export function setUpCopyLink(button, currentHash) {
  button.addEventListener('click', async () => {
    const url = location.href.split('#')[0] + currentHash();
    try {
      await navigator.clipboard.writeText(url);
      toast('Link copied');
    } catch {
      prompt('Copy this link:', url);
    }
  });
}
