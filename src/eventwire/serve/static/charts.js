// The timeline (stacked bars per QuadClass) and the actor network (circle layout).
import { svgEl, title, clear, emptyNote } from "./svg.js";

export const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

function byPeriod(series) {
  const periods = new Map();
  for (const row of series) {
    const key = String(row.period);
    if (!periods.has(key)) periods.set(key, {});
    const slot = periods.get(key);
    const q = row.key === null || row.key === undefined ? "0" : String(row.key);
    slot[q] = (slot[q] || 0) + Number(row.count);
  }
  return [...periods.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function drawLegend(svg, x, y) {
  let dx = 0;
  for (const q of [1, 2, 3, 4]) {
    svgEl("rect", { x: x + dx, y: y - 9, width: 10, height: 10, class: "swatch q" + q }, svg);
    const t = svgEl("text", { x: x + dx + 14, y, class: "legend-text" }, svg);
    t.textContent = QUAD_NAMES[q];
    dx += 20 + QUAD_NAMES[q].length * 6;
  }
}

export function drawTimeline(svg, series) {
  clear(svg);
  const rows = byPeriod(series);
  if (!rows.length) return emptyNote(svg, "no events");
  const W = 600, H = 220, left = 48, bottom = 40, top = 22;
  const max = Math.max(...rows.map(([, s]) => Object.values(s).reduce((a, b) => a + b, 0)));
  const step = (W - left - 10) / rows.length;
  const scale = (H - bottom - top) / max;
  svgEl("line", { x1: left, y1: H - bottom, x2: W - 10, y2: H - bottom, class: "axis" }, svg);
  svgEl("line", { x1: left, y1: top, x2: left, y2: H - bottom, class: "axis" }, svg);
  svgEl("text", { x: left - 4, y: top + 4, "text-anchor": "end", class: "tick" }, svg).textContent = max;
  svgEl("text", { x: left - 4, y: H - bottom, "text-anchor": "end", class: "tick" }, svg).textContent = 0;
  const every = Math.max(1, Math.ceil(rows.length / 6));
  rows.forEach(([period, counts], i) => {
    let y = H - bottom;
    const width = Math.max(1, Math.min(40, step * 0.8));
    const x = left + i * step + (step - width) / 2;
    for (const q of ["1", "2", "3", "4", "0"]) {
      const n = counts[q] || 0;
      if (!n) continue;
      const h = Math.max(1, n * scale);
      y -= h;
      const bar = svgEl("rect", { x, y, width, height: h, class: "bar q" + q,
        "data-period": period, "data-count": n }, svg);
      title(bar, `${period}: ${n} ${QUAD_NAMES[q] || "unknown class"}`);
    }
    if (i % every === 0 || i === rows.length - 1) {
      svgEl("text", { x: x + width / 2, y: H - bottom + 14, "text-anchor": "middle", class: "tick" }, svg)
        .textContent = period;
    }
  });
  drawLegend(svg, left, H - 8);
}

function circleLayout(nodes, cx, cy, r) {
  const pos = new Map();
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos.set(n, { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a), a });
  });
  return pos;
}

function addArrowMarker(svg) {
  const defs = svgEl("defs", {}, svg);
  const m = svgEl("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
    markerUnits: "userSpaceOnUse", markerWidth: 9, markerHeight: 9, orient: "auto-start-reverse" }, defs);
  svgEl("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow" }, m);
}

export function drawNetwork(svg, edges, onActor) {
  clear(svg);
  const kept = edges.filter((e) => e.source && e.target).slice(0, 60);
  if (!kept.length) return emptyNote(svg, "no actor pairs");
  addArrowMarker(svg);
  const weight = new Map();
  for (const e of kept) {
    weight.set(e.source, (weight.get(e.source) || 0) + Number(e.events));
    weight.set(e.target, (weight.get(e.target) || 0) + Number(e.events));
  }
  const nodes = [...weight.keys()].sort();
  const pos = circleLayout(nodes, 300, 210, 160);
  const maxEdge = Math.max(...kept.map((e) => Number(e.events)));
  const maxNode = Math.max(...weight.values());
  for (const e of kept) {
    const a = pos.get(e.source), b = pos.get(e.target);
    const rb = 5 + 10 * Math.sqrt(weight.get(e.target) / maxNode);
    const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const line = svgEl("line", { x1: a.x, y1: a.y, x2: b.x - ((b.x - a.x) * rb) / d, y2: b.y - ((b.y - a.y) * rb) / d,
      class: "edge", "stroke-width": 1 + 5 * (Number(e.events) / maxEdge), "marker-end": "url(#arrow)",
      "data-source": e.source, "data-target": e.target }, svg);
    title(line, `${e.source} → ${e.target}: ${e.events} event(s)`);
  }
  for (const n of nodes) {
    const p = pos.get(n);
    const c = svgEl("circle", { cx: p.x, cy: p.y, r: 5 + 10 * Math.sqrt(weight.get(n) / maxNode), class: "node", "data-actor": n }, svg);
    title(c, `${n}: ${weight.get(n)} event(s)`);
    c.addEventListener("click", () => onActor(n));
    const out = Math.cos(p.a) >= 0;
    svgEl("text", { x: p.x + (out ? 14 : -14), y: p.y + 4, "text-anchor": out ? "start" : "end", class: "node-label" }, svg)
      .textContent = n;
  }
}
