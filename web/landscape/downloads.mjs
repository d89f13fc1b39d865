// Exports of the current runs: CSV and JSON of the trajectories, and a helper that saves a Blob
// or text under a file name.
export function saveFile(name, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const quote = (text) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** run,label,optimizer,step,x,y,loss — one row per point of every run. */
export function trajectoriesCsv(result) {
  const rows = ['run,label,optimizer,step,x,y,loss'];
  result.runs.forEach((run, r) => {
    const label = quote(run.optimizer.label);
    run.trajectory.forEach(([x, y], k) => {
      rows.push(`${r},${label},${run.optimizer.name},${k},${x},${y},${run.loss[k]}`);
    });
  });
  return `${rows.join('\n')}\n`;
}
