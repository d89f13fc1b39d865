// The embed's URL hash: the landscape page's state keys (state.mjs PROPS, decoded by decodeHash)
// plus three of the embed's own: autoplay=0|1, controls=none|minimal|full, theme=light|dark|auto.
import { HashError, decodeHash, defaultState } from '../landscape/state.mjs';

const OPTIONS = {
  autoplay: ['1', '0'],
  controls: ['minimal', 'none', 'full'],
  theme: ['auto', 'light', 'dark'],
};

/** { state, options, stateHash }; throws HashError naming the key on a malformed hash. */
export function decodeEmbedHash(hash) {
  const options = Object.fromEntries(Object.entries(OPTIONS).map(([k, values]) => [k, values[0]]));
  const rest = [];
  for (const part of hash.replace(/^#/, '').split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!Object.hasOwn(OPTIONS, key)) {
      rest.push(part);
      continue;
    }
    const value = decodeURIComponent(part.slice(eq + 1));
    if (!OPTIONS[key].includes(value)) throw new HashError(`${key}: must be one of ${OPTIONS[key].join(', ')}, got "${value}"`);
    options[key] = value;
  }
  const stateHash = rest.length ? `#${rest.join('&')}` : '';
  const state = stateHash ? decodeHash(stateHash) : defaultState();
  return { state, options, stateHash };
}
