// Entry point of the race lab page (race.html).
import { start } from './app.mjs';
import { runPage } from '../lib/page-shell.mjs';

runPage('The race lab', start);
