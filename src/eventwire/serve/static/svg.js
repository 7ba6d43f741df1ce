// Small helpers to build HTML without a framework, and to paint highlighted spans.
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function htmlEl(tag, attrs = {}, text = null, parent = null) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  }
  if (text !== null) el.textContent = text;
  if (parent) parent.appendChild(el);
  return el;
}

// Paint `text` with non-overlapping highlight spans [{start, end, kind, label}] into `parent`.
export function highlight(parent, text, spans) {
  clear(parent);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const s of sorted) {
    if (s.start < at || s.end > text.length || s.start >= s.end) continue;
    parent.appendChild(document.createTextNode(text.slice(at, s.start)));
    const mark = htmlEl("mark", { class: "hl-" + s.kind, "data-kind": s.kind }, text.slice(s.start, s.end), parent);
    if (s.label) mark.title = s.kind + ": " + s.label;
    at = s.end;
  }
  parent.appendChild(document.createTextNode(text.slice(at)));
}
