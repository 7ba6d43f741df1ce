// The actor network (d3-force): actors placed by a force layout (linked actors close,
// others apart, no two discs overlapping), arrows from source to target, width = events.
// Labels: the most active actors get one where it overlaps no other label or disc; every
// other actor shows its label on hover. So past thirty actors the graph stays readable.

const W = 600, H = 460, PAD = 16;
const MAX_NODES = 60, MAX_LABELS = 24;

function nodesOf(edges) {
  const weight = new Map();
  for (const e of edges) {
    weight.set(e.source, (weight.get(e.source) || 0) + Number(e.events));
    weight.set(e.target, (weight.get(e.target) || 0) + Number(e.events));
  }
  const top = [...weight.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_NODES);
  const max = top.length ? top[0][1] : 1;
  return top.map(([id, w]) => ({ id, weight: w, r: 4 + 9 * Math.sqrt(w / max) }));
}

// Run the simulation to rest (no animation: the layout is the same at every load).
function layout(nodes, links) {
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((n) => n.id).distance(55).strength(0.4))
    .force("charge", d3.forceManyBody().strength(-140))
    .force("collide", d3.forceCollide((n) => n.r + 5))
    .force("x", d3.forceX(0).strength(0.07))
    .force("y", d3.forceY(0).strength(0.09))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  fit(nodes);
}

// Scale and centre the layout into the view box, keeping its proportions.
function fit(nodes) {
  const xs = d3.extent(nodes, (n) => n.x), ys = d3.extent(nodes, (n) => n.y);
  const span = Math.max((xs[1] - xs[0]) / (W - 2 * PAD - 80), (ys[1] - ys[0]) / (H - 2 * PAD), 1e-9);
  const k = Math.min(1.6, 1 / span);
  for (const n of nodes) {
    n.x = W / 2 + (n.x - (xs[0] + xs[1]) / 2) * k;
    n.y = H / 2 + (n.y - (ys[0] + ys[1]) / 2) * k;
  }
}

const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

// Where a label may go (right, left, above, below its disc): its box, and the baseline
// and anchor that draw the text exactly in that box.
function candidates(n) {
  const { w, h, top } = n.size, gap = n.r + 2;
  const boxes = [
    [n.x + gap, n.y - h / 2, "start", n.x + gap],
    [n.x - gap - w, n.y - h / 2, "end", n.x - gap],
    [n.x - w / 2, n.y - gap - h, "middle", n.x],
    [n.x - w / 2, n.y + gap, "middle", n.x],
  ];
  return boxes.map(([x1, y1, anchor, x]) => ({
    x, y: y1 + 1 - top, anchor, box: { x1, x2: x1 + w, y1, y2: y1 + h } }));
}

// The size of each label as the browser draws it (font and stroke included).
function measure(svg, nodes) {
  const probe = svg.append("text").attr("class", "node-label");
  for (const n of nodes) {
    const box = probe.text(n.id).node().getBBox();
    n.size = { w: box.width + 2, h: box.height + 2, top: box.y };
  }
  probe.remove();
}

// Greedy placement, most active first: a label goes where it overlaps nothing placed yet.
function placeLabels(nodes) {
  const taken = nodes.map((n) => ({ x1: n.x - n.r, x2: n.x + n.r, y1: n.y - n.r, y2: n.y + n.r }));
  const byWeight = [...nodes].sort((a, b) => b.weight - a.weight);
  let shown = 0;
  for (const n of byWeight) {
    n.label = candidates(n)[0];
    n.shown = false;
    if (shown >= MAX_LABELS) continue;
    const free = candidates(n).find((c) => c.box.x1 >= 0 && c.box.x2 <= W && c.box.y1 >= 0
      && c.box.y2 <= H && !taken.some((t) => overlaps(t, c.box)));
    if (!free) continue;
    n.label = free;
    n.shown = true;
    taken.push(free.box);
    shown += 1;
  }
}

function addArrowMarker(svg) {
  svg.append("defs").append("marker").attr("id", "arrow").attr("viewBox", "0 0 10 10")
    .attr("refX", 10).attr("refY", 5).attr("markerUnits", "userSpaceOnUse")
    .attr("markerWidth", 8).attr("markerHeight", 8).attr("orient", "auto-start-reverse")
    .append("path").attr("d", "M0,0 L10,5 L0,10 z").attr("class", "arrow");
}

function drawEdges(svg, links) {
  const max = d3.max(links, (l) => l.events) || 1;
  for (const l of links) {
    const a = l.source, b = l.target;
    const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    svg.append("line").attr("class", "edge")
      .attr("x1", a.x).attr("y1", a.y)
      .attr("x2", b.x - ((b.x - a.x) * (b.r + 1)) / d).attr("y2", b.y - ((b.y - a.y) * (b.r + 1)) / d)
      .attr("stroke-width", 1 + 4 * (l.events / max)).attr("marker-end", "url(#arrow)")
      .attr("data-source", a.id).attr("data-target", b.id)
      .append("title").text(`${a.id} → ${b.id}: ${l.events} event(s)`);
  }
}

// Discs, then every label above them (a hovered actor's label is never under a disc).
function drawNodes(svg, nodes, onActor) {
  const discs = svg.append("g").attr("class", "nodes");
  const labels = svg.append("g").attr("class", "labels");
  for (const n of nodes) {
    const label = labels.append("text").attr("class", n.shown ? "node-label" : "node-label hover-only")
      .attr("data-actor", n.id).attr("x", n.label.x).attr("y", n.label.y)
      .attr("text-anchor", n.label.anchor).text(n.id);
    const g = discs.append("g").attr("class", "node").attr("data-actor", n.id)
      .on("mouseenter", () => label.classed("on", true).raise())
      .on("mouseleave", () => label.classed("on", false))
      .on("click", () => onActor(n.id));
    g.append("circle").attr("cx", n.x).attr("cy", n.y).attr("r", n.r)
      .append("title").text(`${n.id}: ${n.weight} event(s); click to filter`);
  }
}

export function drawNetwork(svgNode, edges, onActor) {
  const svg = d3.select(svgNode);
  svg.selectAll("*").remove();
  const nodes = nodesOf(edges.filter((e) => e.source && e.target));
  if (!nodes.length) {
    svg.append("text").attr("class", "empty").attr("x", W / 2).attr("y", H / 2)
      .attr("text-anchor", "middle").text("no actor pairs");
    return;
  }
  const ids = new Set(nodes.map((n) => n.id));
  const links = edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .map((e) => ({ source: e.source, target: e.target, events: Number(e.events) }));
  layout(nodes, links);
  measure(svg, nodes);
  placeLabels(nodes);
  addArrowMarker(svg);
  drawEdges(svg, links);
  drawNodes(svg, nodes, onActor);
}
