// The alt text of an exported figure image: what is plotted, for which runs and on what, in words
// ("Regret R(t) of Adam and AMSGrad on Reddi et al.'s problem, T = 1,000,000").

/** "A", "A and B", "A, B and C". */
export function wordList(items) {
  const list = items.filter(Boolean);
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** "<what> of <runs> <where>" (each run once, in order). */
export function figureAlt(what, runs, where = '') {
  const names = wordList([...new Set(runs)]);
  return [what, names && `of ${names}`, where].filter(Boolean).join(' ');
}
