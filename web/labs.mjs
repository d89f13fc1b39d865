// The site's pages, in the order of the top bar's tabs, and its labs: the pages that compute with
// the engine. One list, read by the top bar (scripts/vite-page-template-plugin.mjs), Vite's inputs
// (vite.config.mjs), the labs' worker (lib/lab-worker.mjs), the embed (embed/figures.mjs) and the web
// component (component/gradscape-playground.mjs). Plain data, so Node can read it too.
//   name: the lab or page (a lab's module folder and its component view views/<name>-view.mjs);
//   tab: the top bar's label (none: no tab); page: the HTML file; engine: loadGradscape's options
//   for the lab; driver: the class that <name>/driver.mjs exports, for a lab page that computes in
//   the labs' Web Worker; title: an embedded figure's title (the iframe's); attributes: the config
//   key each short attribute of the web component sets (null: the view has none).
export const PAGES = [
  {
    name: 'landscape', tab: 'Landscape', page: 'index.html', engine: {},
    title: 'Gradscape: optimizers on a loss surface',
    attributes: { objective: 'objective', expr: 'objective', optimizers: 'optimizers', start: 'start', steps: 'steps' },
  },
  {
    name: 'regret', tab: 'Regret lab', page: 'regret.html', engine: { regret: true }, driver: 'RegretDriver',
    title: 'Gradscape: online regret of optimizers',
    attributes: { objective: 'problem', expr: null, optimizers: 'optimizers', start: 'start', steps: 'T' },
  },
  {
    name: 'sweep', tab: 'Sweep lab', page: 'sweep.html', engine: { sweep: true }, driver: 'SweepDriver',
    title: 'Gradscape: a hyperparameter sweep map',
    attributes: { objective: 'objective', expr: 'objective', optimizers: 'optimizer', start: 'start', steps: 'steps' },
  },
  {
    name: 'race', tab: 'Race lab', page: 'race.html', engine: { race: true }, driver: 'RaceDriver',
    title: 'Gradscape: which optimizer is best here',
    attributes: { objective: 'objective', expr: 'objective', optimizers: 'optimizers', start: 'start', steps: 'steps' },
  },
  {
    name: 'paper', tab: 'Paper lab', page: 'paper.html', engine: { paper: true }, driver: 'PaperDriver',
    title: 'Gradscape: the Adam paper’s experiments retrained',
    attributes: { objective: 'experiment', expr: null, optimizers: 'optimizers', start: null, steps: 'epochs' },
  },
  { name: 'docs', tab: 'Docs', page: 'docs.html' },
  { name: 'story', tab: 'Essay', page: 'story.html' },
  { name: 'embed', page: 'embed.html' },
];

/** The labs by name: the pages with an engine. */
export const LABS = Object.fromEntries(PAGES.filter((p) => p.engine).map((p) => [p.name, p]));
