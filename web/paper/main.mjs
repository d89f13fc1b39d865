// Entry point of the paper lab page (paper.html).
import { start } from './app.mjs';
import { runPage } from '../lib/page-shell.mjs';

runPage('The paper lab', start);
