// The map: an equirectangular projection of a Natural Earth world outline (TopoJSON
// shipped with the package), a graticule, and one dot per located event.
import { svgEl, title, clear } from "./svg.js";

const W = 960, H = 480;
let worldPaths = null;

export function project(lon, lat) {
  return [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
}

function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx; y += dy;
      return t ? [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] : [dx, dy];
    });
  });
}

function ringPath(ring, arcs) {
  const points = [];
  for (const i of ring) {
    const arc = i >= 0 ? arcs[i] : [...arcs[~i]].reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return "M" + points.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(1)).join(",")).join("L") + "Z";
}

function geometryPath(geom, arcs) {
  const polys = geom.type === "Polygon" ? [geom.arcs] : geom.type === "MultiPolygon" ? geom.arcs : [];
  return polys.map((rings) => rings.map((r) => ringPath(r, arcs)).join("")).join("");
}

async function loadWorld() {
  if (worldPaths) return worldPaths;
  const response = await fetch("/static/world-110m.json");
  const topology = await response.json();
  const arcs = decodeArcs(topology);
  const object = topology.objects.countries || Object.values(topology.objects)[0];
  worldPaths = object.geometries.map((g) => ({ name: (g.properties || {}).name || "", d: geometryPath(g, arcs) }));
  return worldPaths;
}

function drawGraticule(svg) {
  const parts = [];
  for (let lon = -180; lon <= 180; lon += 30) {
    const [x] = project(lon, 0);
    parts.push(`M${x},0V${H}`);
  }
  for (let lat = -60; lat <= 60; lat += 30) {
    const [, y] = project(0, lat);
    parts.push(`M0,${y}H${W}`);
  }
  svgEl("path", { d: parts.join(""), class: "graticule" }, svg);
}

function located(row) {
  const lat = Number(row.lat), lon = Number(row.lon);
  if (row.lat === null || row.lon === null || row.lat === undefined || row.lon === undefined) return null;
  return Number.isFinite(lat) && Number.isFinite(lon) ? [lon, lat] : null;
}

export async function drawMap(svg, rows, onEvent) {
  const world = await loadWorld();
  clear(svg);
  svgEl("rect", { x: 0, y: 0, width: W, height: H, class: "ocean" }, svg);
  drawGraticule(svg);
  const land = svgEl("g", { class: "countries" }, svg);
  for (const c of world) title(svgEl("path", { d: c.d, class: "land" }, land), c.name);
  const dots = svgEl("g", { class: "events" }, svg);
  for (const row of rows) {
    const at = located(row);
    if (!at) continue;
    const [x, y] = project(at[0], at[1]);
    const q = row.quad_class || 0;
    const dot = svgEl("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 5, class: "dot q" + q,
      "data-event": row.event_id }, dots);
    title(dot, `${row.location_name || ""} ${row.date || ""}: ${row.source_code || "?"} ${row.cameo || ""} ${row.target_code || "?"}`);
    dot.addEventListener("click", () => onEvent(row.event_id));
  }
}
