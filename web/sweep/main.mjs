// Entry point of the sweep lab page (sweep.html).
import { start } from './app.mjs';
import { runPage } from '../lib/page-shell.mjs';

runPage('The sweep lab', start);
