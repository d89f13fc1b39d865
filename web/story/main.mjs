// Entry point of the essay (story.html): theme and formulas. The figures are <gradscape-playground>
// elements, which load themselves when they come into view.
import { initPage } from '../lib/reading-page.mjs';

initPage();
