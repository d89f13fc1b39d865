// Entry point of the docs page (docs.html): the registry tables from the engine, the configs'
// field tables from the JSON Schema its config tables generate, the live
// gs.run example, the iframe's postMessage demo, code blocks with Copy, theme and formulas.
import { loadGradscape } from '../api/gradscape.mjs';
import { initPage } from '../lib/reading-page.mjs';
import { typeset } from '../lib/typeset.mjs';
import { initEmbedDemo } from './embed-demo.mjs';
import { initLiveRun } from './live-run.mjs';
import schema from '../../gradscape.schema.json';
import { configTable, domainTable, objectiveTable, optimizerTables, problemTable, scheduleTable } from './registry-tables.mjs';
import { initSnippets } from './snippets.mjs';

const TABLES = {
  optimizers: optimizerTables,
  schedules: scheduleTable,
  objectives: objectiveTable,
  problems: problemTable,
  domains: domainTable,
};

// A link to a collapsed entry (#opt-adam) opens it.
function openTarget() {
  let id = location.hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch {
    return;  // not an id of this page
  }
  const target = id ? document.getElementById(id) : null;
  if (target instanceof HTMLDetailsElement && !target.open) {
    target.open = true;
    target.scrollIntoView();
  }
}

function showFailure(error) {
  for (const box of document.querySelectorAll('[data-registry]')) {
    box.replaceChildren();
    const p = document.createElement('p');
    p.className = 'failure';
    p.textContent = `The engine could not start, so this table cannot be read from it: ${error.message}`;
    box.append(p);
  }
  const output = document.querySelector('#run-output code');
  output.textContent = `The engine could not start: ${error.message}`;
}

async function start() {
  initPage();
  initSnippets();
  initEmbedDemo();
  let gs;
  try {
    gs = await loadGradscape({ full: true });  // the tables list every objective
  } catch (error) {
    showFailure(error);
    return;
  }
  for (const box of document.querySelectorAll('[data-registry]')) {
    box.replaceChildren(...TABLES[box.dataset.registry](gs.registry, gs));
  }
  for (const box of document.querySelectorAll('[data-config]')) box.replaceChildren(...configTable(schema, box.dataset.config));
  document.getElementById('regret-conditions').textContent = gs.registry.regret_bound.conditions;
  window.addEventListener('hashchange', openTarget);
  openTarget();
  initLiveRun(gs);
  document.body.dataset.registry = 'ready';
  await typeset();
  document.body.dataset.typeset = 'ready';
}

start().catch(showFailure);
