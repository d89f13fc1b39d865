// The trajectories of the current runs as CSV, one row per point of every run.
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
