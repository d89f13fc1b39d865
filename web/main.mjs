// Entry point of the landscape page.
import { start } from './landscape/app.mjs';
import { runPage } from './lib/page-shell.mjs';

runPage('Gradscape', start);
