// The embed's URL hash: the lab page's state keys (landscape, regret, sweep or paper: labs.mjs) plus
// the embed's own: lab=landscape|regret|sweep|paper, autoplay=1|0, controls=minimal|none|full,
// theme=auto|light|dark. The first value of each is the default.
import { HashError } from '../lib/hash-codecs.mjs';
import { FIGURES } from './figures.mjs';

const OPTIONS = {
  lab: Object.keys(FIGURES),
  autoplay: ['1', '0'],
  controls: ['minimal', 'none', 'full'],
  theme: ['auto', 'light', 'dark'],
};

/** The embed's options alone (the defaults where the hash has none); throws HashError naming the key. */
export function decodeOptions(hash) {
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
  return { options, stateHash: rest.length ? `#${rest.join('&')}` : '' };
}

/** { options, state, stateHash }: the lab's state decoded by its own table; throws HashError naming the key. */
export function decodeEmbedHash(hash) {
  const { options, stateHash } = decodeOptions(hash);
  const lab = FIGURES[options.lab];
  return { options, stateHash, state: stateHash ? lab.decodeHash(stateHash) : lab.defaultState() };
}
