// Entry point of the regret lab page (regret.html).
import { start } from './app.mjs';
import { runPage } from '../lib/page-shell.mjs';

runPage('The regret lab', start);
