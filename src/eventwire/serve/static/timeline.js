// The time axis (d3): event counts per period stacked by QuadClass on a real time scale
// (periods spaced by the time between them, not side by side), a brush that selects a
// period, and the mean Goldstein score per period on the same axis below.
import { QUAD_NAMES } from "./labels.js";

const W = 1200, H = 190, GH = 130;
const M = { left: 52, right: 16, top: 10, bottom: 24 };
const DAY = 86400000;

// A period ("YYYY-MM" or "YYYY-MM-DD") as [start, end) in UTC milliseconds.
export function periodSpan(period) {
  const [y, m, d] = period.split("-").map(Number);
  if (d) return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
  return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
}

export function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function byPeriod(series) {
  const periods = new Map();
  for (const row of series) {
    const key = String(row.period);
    if (!periods.has(key)) periods.set(key, { period: key, span: periodSpan(key), counts: {} });
    const q = row.key === null || row.key === undefined ? "0" : String(row.key);
    const counts = periods.get(key).counts;
    counts[q] = (counts[q] || 0) + Number(row.count);
  }
  return [...periods.values()].sort((a, b) => a.span[0] - b.span[0]);
}

function timeScale(periods) {
  const lo = d3.min(periods, (p) => p.span[0]), hi = d3.max(periods, (p) => p.span[1]);
  const pad = Math.max(DAY, (hi - lo) * 0.02);
  return d3.scaleUtc().domain([lo - pad, hi + pad]).range([M.left, W - M.right]);
}

function svgIn(container, height, label) {
  d3.select(container).selectAll("*").remove();
  return d3.select(container).append("svg").attr("viewBox", `0 0 ${W} ${height}`)
    .attr("role", "img").attr("aria-label", label);
}

function drawBars(svg, periods, x, y) {
  const g = svg.append("g").attr("class", "bars");
  for (const p of periods) {
    let top = y(0);
    const x0 = x(p.span[0]), width = Math.max(1.5, x(p.span[1]) - x0 - 1);
    for (const q of ["1", "2", "3", "4", "0"]) {
      const n = p.counts[q] || 0;
      if (!n) continue;
      const h = Math.max(1, y(0) - y(n));
      top -= h;
      g.append("rect").attr("class", "bar q" + q).attr("x", x0).attr("y", top)
        .attr("width", width).attr("height", h)
        .attr("data-period", p.period).attr("data-count", n).attr("data-start", isoDay(p.span[0]))
        .append("title").text(`${p.period}: ${n} ${QUAD_NAMES[q] || "without a QuadClass"}`);
    }
  }
}

function drawAxes(svg, x, y, height) {
  svg.append("g").attr("class", "axis x").attr("transform", `translate(0,${height - M.bottom})`)
    .call(d3.axisBottom(x).ticks(W / 110));
  svg.append("g").attr("class", "axis y").attr("transform", `translate(${M.left},0)`)
    .call(d3.axisLeft(y).ticks(4, "~s"));
}

// A brush over the axis; `onSelect(since, until)` gets inclusive days, or nulls on a click.
function addBrush(svg, x, selected, onSelect) {
  const brush = d3.brushX().extent([[M.left, M.top], [W - M.right, H - M.bottom]])
    .on("end", ({ selection, sourceEvent }) => {
      if (!sourceEvent) return; // moved by the code below, not by the user
      if (!selection) return onSelect(null, null);
      const [a, b] = selection.map((px) => x.invert(px).getTime());
      onSelect(isoDay(a), isoDay(Math.max(a, b - 1)));
    });
  const g = svg.append("g").attr("class", "brush").call(brush);
  const at = (t, i) => (t === null ? (i ? W - M.right : M.left) : Math.min(W - M.right, Math.max(M.left, x(t))));
  if (selected) g.call(brush.move, selected.map(at));
}

function drawLegend(svg) {
  let dx = M.left;
  for (const q of [1, 2, 3, 4]) {
    svg.append("rect").attr("class", "swatch q" + q).attr("x", dx).attr("y", 2).attr("width", 10).attr("height", 10);
    svg.append("text").attr("class", "legend-text").attr("x", dx + 14).attr("y", 11).text(QUAD_NAMES[q]);
    dx += 30 + QUAD_NAMES[q].length * 6.5;
  }
}

function selectedSpan(since, until) {
  if (!since && !until) return null;
  const a = since ? periodSpan(since.length === 4 ? since + "-01" : since)[0] : null;
  const b = until ? periodSpan(until.length === 4 ? until + "-12" : until)[1] : null;
  return [a, b];
}

function drawGoldstein(container, x, rows) {
  const svg = svgIn(container, GH, "mean Goldstein score per period");
  const y = d3.scaleLinear().domain([-10, 10]).range([GH - M.bottom, M.top]);
  svg.append("line").attr("class", "zero").attr("x1", M.left).attr("x2", W - M.right)
    .attr("y1", y(0)).attr("y2", y(0));
  const points = rows.filter((r) => r.goldstein !== null && r.goldstein !== undefined)
    .map((r) => ({ ...r, t: d3.mean(periodSpan(r.period)) }));
  svg.append("path").attr("class", "gs-line")
    .attr("d", d3.line().x((r) => x(r.t)).y((r) => y(r.goldstein))(points));
  for (const r of points) {
    svg.append("circle").attr("class", r.goldstein < 0 ? "gs neg" : "gs pos")
      .attr("cx", x(r.t)).attr("cy", y(r.goldstein)).attr("r", 3.5)
      .attr("data-period", r.period).attr("data-goldstein", r.goldstein)
      .append("title").text(`${r.period}: mean Goldstein ${r.goldstein} over ${r.events} event(s)`);
  }
  drawAxes(svg, x, y, GH);
}

function emptyNote(container, text) {
  d3.select(container).selectAll("*").remove();
  d3.select(container).append("p").attr("class", "empty").text(text);
}

// Draw both charts; `filters` holds since/until to show as the brushed period.
export function drawTimeline(container, gsContainer, series, goldstein, filters, onSelect) {
  const periods = byPeriod(series);
  if (!periods.length) {
    emptyNote(container, "no dated events");
    return emptyNote(gsContainer, "no dated events");
  }
  const x = timeScale(periods);
  const max = d3.max(periods, (p) => d3.sum(Object.values(p.counts)));
  const y = d3.scaleLinear().domain([0, max]).nice().range([H - M.bottom, M.top + 12]);
  const svg = svgIn(container, H, "event counts over time by QuadClass");
  drawLegend(svg);
  drawBars(svg, periods, x, y);
  drawAxes(svg, x, y, H);
  addBrush(svg, x, selectedSpan(filters.get("since"), filters.get("until")), onSelect);
  drawGoldstein(gsContainer, x, goldstein);
}
