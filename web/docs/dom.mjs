// el(tag, attributes, ...children): a small DOM builder; children are nodes or text ('' is skipped).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) node.setAttribute(k, v);
  for (const child of children.flat()) {
    if (child === '' || child === null || child === undefined) continue;
    node.append(child);
  }
  return node;
}
