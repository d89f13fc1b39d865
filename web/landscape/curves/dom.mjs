// Small DOM helpers of the curves: elements, text that is set only when it changed, the export
// buttons and a Blob download.
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

export function exportButton(label, onClick) {
  const button = el('button', 'gs-chart-button', label);
  button.type = 'button';
  button.addEventListener('click', onClick);
  return button;
}

export function download(name, blob) {
  const a = el('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
