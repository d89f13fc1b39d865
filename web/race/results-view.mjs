// What the race lab shows of a race (or of two beside each other): for each race its title, the
// protocol paragraph and badges, the leaderboard and the orders it leaves unsettled; with two, the
// sentence saying how their orders differ; and the figures of one of them (a select picks which):
// the tuned runs on the surface with a legend, the box plots of steps to ε and the tuning's
// progress. The partial results fill the leaderboards and the tuning chart while the race runs.
import { el } from '../lib/dom.mjs';
import { lineSwatch } from '../lib/line-swatch.mjs';
import { protocolBlock } from './protocol.mjs';
import { leaderboardTable, overlapSentences, rankOrder } from './leaderboard.mjs';
import { orderChange } from './compare.mjs';
import { boxPlot } from './box-plot.mjs';
import { TuningChart } from './tuning-chart.mjs';
import { PathsView } from './paths-view.mjs';
import { entryName, entryStyle } from './entries.mjs';

/** The titles of a state's races: its own, and the fair protocol beside it. */
export function raceTitles(state) {
  const own = state.story?.startsWith('kozistr') ? 'kozistr’s protocol' : 'this protocol';
  return state.fair ? [own, 'the fair protocol'] : [own];
}

const capital = (text) => `${text[0].toUpperCase()}${text.slice(1)}`;
/** The optimizers whose tuned runs are drawn at first: the top ranked. */
const PATHS_SHOWN = 3;
/** Unsettled orders shown at once; more go into a closed list under a count. */
const OVERLAPS_SHOWN = 3;

function overlapList(sentences) {
  const list = el('ul', { class: 'rc-overlaps' }, ...sentences.map((s) => el('li', {}, s)));
  if (sentences.length <= OVERLAPS_SHOWN) return list;
  return el('details', { class: 'rc-overlaps-more' },
    el('summary', {}, `${sentences.length} optimizers' rank intervals overlap later ones: their orders are not settled`), list);
}

export class ResultsView {
  #results;
  #figures;
  #gs;
  #onOpen;
  #theme = 'light';
  #job = null;
  #titles = [];
  #shown = 0;  // the race whose figures are shown
  #paths = null;
  #tuning = null;
  #boxes = null;
  #legend = null;
  #select = null;
  #surfaceTitle = null;
  #visible = null;  // {race, id, entries: Set}: whose tuned runs are drawn

  /** results, figures: the containers; onOpen(race, entry) opens a tuned run in the landscape. */
  constructor({ results, figures, gs, onOpen }) {
    this.#results = results;
    this.#figures = figures;
    this.#gs = gs;
    this.#onOpen = onOpen;
    this.#buildFigures();
  }

  get paths() { return this.#paths; }

  setTheme(theme) {
    this.#theme = theme;
    this.#paths.setTheme(theme);
    this.#tuning.setTheme(theme);
  }

  /** A new race started: its config's badges, the leaderboards to come. */
  start(job, state) {
    this.#job = job;
    this.#titles = raceTitles(state);
    this.#shown = Math.min(this.#shown, job.races.length - 1);
    this.#renderBoards(job.races.map((r) => r.config));
    this.#figures.hidden = true;
  }

  /** Partial results (while running, or cancelled). */
  progress(job) {
    if (!job.results) return;
    this.#renderBoards(job.results);
    this.#figures.hidden = false;
    this.#syncSelect();
    this.#tuning.set(job.results[this.#shown]);
    this.#showBoxes(job.results[this.#shown]);
  }

  /** The finished races: every part, and the tuned runs on the surface. */
  done(job) {
    this.#renderBoards(job.results);
    this.#figures.hidden = false;
    this.#syncSelect();
    this.#showFigures();
  }

  #renderBoards(results) {
    const parts = results.map((result, race) => {
      const ranked = !!result.entries?.length;
      const tunes = result.optimizers.map((o) => o.tune ?? ['lr']);
      return el('section', { class: 'rc-race', 'data-race': String(race) },
        el('h2', {}, results.length > 1 ? capital(this.#titles[race] ?? `race ${race + 1}`) : 'Leaderboard'),
        protocolBlock(result),
        ranked ? leaderboardTable(result, tunes, (entry) => this.#onOpen(race, entry), { compact: results.length > 1 }) : el('p', { class: 'hint' }, 'Racing…'),
        ranked ? overlapList(overlapSentences(result)) : null);
    });
    const sentence = results.length === 2 ? orderChange(results[0], results[1], this.#titles) : '';
    this.#results.dataset.count = String(results.length);
    this.#results.replaceChildren(el('div', { class: 'rc-boards' }, ...parts), ...(sentence ? [el('p', { class: 'rc-order-change' }, sentence)] : []));
  }

  #buildFigures() {
    this.#select = el('select', { id: 'figures-race', 'aria-label': 'Race whose figures are shown' });
    this.#select.addEventListener('change', () => {
      this.#shown = Number(this.#select.value);
      this.#showFigures();
    });
    this.#surfaceTitle = el('h2', {}, 'Tuned runs');
    const surface = el('div', { class: 'rc-figure rc-surface-figure' }, this.#surfaceTitle);
    this.#paths = new PathsView(surface, this.#gs, { maxHeight: () => Math.min(560, Math.floor(innerHeight * 0.7)) });
    this.#legend = el('div', { class: 'rc-legend', role: 'list' });
    surface.append(this.#legend, el('p', { class: 'hint rc-markers-key' }, 'Click an optimizer to show or hide its runs (the top three are shown at first). □ tuning starts · ● held-out starts'));
    this.#boxes = el('div', { class: 'rc-figure rc-boxes' }, el('h2', {}, 'Steps to ε over the held-out starts'));
    let width = 0;
    new ResizeObserver(() => {
      if (this.#boxes.clientWidth === width) return;
      width = this.#boxes.clientWidth;
      const result = this.#job?.results?.[this.#shown];
      if (result) this.#showBoxes(result);
    }).observe(this.#boxes);
    const tuning = el('div', { class: 'rc-figure rc-tuning' }, el('h2', {}, 'Best tuning score so far'));
    this.#tuning = new TuningChart(tuning);
    this.#figures.replaceChildren(el('div', { class: 'rc-figures-head' }, el('label', { for: 'figures-race' }, 'Figures of '), this.#select),
      el('div', { class: 'rc-figures-grid' }, surface, el('div', { class: 'rc-figures-side' }, this.#boxes, tuning)));
  }

  #syncSelect() {
    const titles = this.#job.races.map((_, k) => capital(this.#titles[k] ?? `race ${k + 1}`));
    if (this.#select.options.length !== titles.length || [...this.#select.options].some((o, k) => o.text !== titles[k])) {
      this.#select.replaceChildren(...titles.map((t, k) => new Option(t, String(k))));
    }
    this.#select.value = String(this.#shown);
    this.#select.parentElement.hidden = titles.length < 2;
  }

  #showBoxes(result) {
    const plot = boxPlot(result, Math.max(280, this.#boxes.clientWidth - 4));
    this.#boxes.querySelector('svg')?.remove();
    if (plot) this.#boxes.append(plot);
  }

  #showFigures() {
    const job = this.#job;
    const result = job.results?.[this.#shown];
    if (!result) return;
    this.#tuning.set(result);
    this.#showBoxes(result);
    if (!this.#visible || this.#visible.race !== this.#shown || this.#visible.id !== job.id) {
      this.#visible = { race: this.#shown, id: job.id, entries: new Set((result.ranking ?? []).slice(0, PATHS_SHOWN)) };
    }
    const visible = this.#visible.entries;
    if (job.paths) {
      this.#paths.show(result, job.paths[this.#shown], visible);
      const starts = Math.max(...job.paths[this.#shown].map((list) => list.length));
      this.#surfaceTitle.textContent = `Tuned runs from ${starts === 1 ? 'the held-out start' : `${starts} held-out starts`}`;
    }
    this.#legend.replaceChildren(...rankOrder(result).map((i) => {
      const entry = result.entries[i];
      const { colour, dash } = entryStyle(i);
      const item = el('button', { type: 'button', class: 'rc-legend-item', 'aria-pressed': String(visible.has(i)), 'data-entry': String(i),
        title: `Show or hide ${entryName(entry)}'s tuned runs` }, lineSwatch(colour, dash), ` ${entryName(entry)}`);
      item.addEventListener('click', () => {
        if (visible.has(i)) visible.delete(i);
        else visible.add(i);
        item.setAttribute('aria-pressed', String(visible.has(i)));
        this.#paths.setVisible(visible);
        this.#paths.highlight(visible.has(i) ? i : null);
      });
      item.addEventListener('pointerenter', () => this.#paths.highlight(i));
      item.addEventListener('focus', () => this.#paths.highlight(i));
      item.addEventListener('pointerleave', () => this.#paths.highlight(null));
      item.addEventListener('blur', () => this.#paths.highlight(null));
      return item;
    }));
  }
}
