// Totals, notes, downloads and facets of the selection: how many events match, what the
// server noted about the filters, links to download them, and the top values of each facet
// (from /api/facets) as bars that filter on a click.
import { withQuery } from "./api.js";
import { cameoLabel, quadLabel } from "./labels.js";
import { clear, htmlEl } from "./svg.js";

//: Facet name (as /api/facets names it) -> the filter a click on one of its values sets.
const FILTER_OF = {
  sources: "source", targets: "target", source: "source", target: "target",
  plover_types: "plover", plover: "plover", cameo_roots: "cameo", cameo: "cameo",
  location_countries: "location_country", location_country: "location_country",
  quad_classes: "quad", quad_class: "quad", quad: "quad",
};

const TITLES = {
  source: "Top sources", target: "Top targets", plover: "PLOVER types", cameo: "CAMEO roots",
  location_country: "Where (country)", quad: "QuadClass",
};

function valueOf(row) {
  if (typeof row !== "object" || row === null) return String(row);
  const v = row.code ?? row.value ?? row.key ?? row.name ?? row.type ?? row.country ?? row.root ?? row.quad_class;
  return v === null || v === undefined ? "" : String(v);
}

function countOf(row) {
  return Number(row.events ?? row.count ?? row.n ?? 0);
}

function labelOf(filter, value) {
  if (filter === "cameo") return cameoLabel(value);
  if (filter === "quad") return quadLabel(value);
  return value || "(none)";
}

function drawFacet(box, name, rows, onPick) {
  const filter = FILTER_OF[name];
  const section = htmlEl("div", { class: "facet", "data-facet": name }, null, box);
  htmlEl("h3", {}, TITLES[filter] || name.replace(/_/g, " "), section);
  const list = htmlEl("ol", {}, null, section);
  const max = Math.max(1, ...rows.map(countOf));
  for (const row of rows.slice(0, 8)) {
    const value = valueOf(row);
    const li = htmlEl("li", { "data-value": value, "data-count": countOf(row) }, null, list);
    const bar = htmlEl("span", { class: "facet-bar" }, null, li);
    bar.style.width = `${(100 * countOf(row)) / max}%`;
    htmlEl("span", { class: "facet-label" }, labelOf(filter, value), li);
    htmlEl("span", { class: "facet-count" }, countOf(row).toLocaleString("en"), li);
    if (filter && value) {
      li.classList.add("pick");
      li.title = `filter on ${filter} = ${value}`;
      li.addEventListener("click", () => onPick(filter, value));
    }
  }
}

// The facets of /api/facets' answer: every list in it (or in its `facets` member).
export function drawFacets(box, answer, onPick) {
  clear(box);
  const facets = answer && typeof answer.facets === "object" ? answer.facets : answer || {};
  for (const [name, rows] of Object.entries(facets)) {
    if (Array.isArray(rows) && rows.length) drawFacet(box, name, rows, onPick);
  }
  if (!box.firstChild) htmlEl("p", { class: "empty" }, "no events", box);
}

// "N events match", the server's notes, and the download links for the same filters.
export function drawTotals(total, notes, params) {
  document.querySelector("#total").textContent =
    `${Number(total).toLocaleString("en")} event${total === 1 ? "" : "s"} match`;
  document.querySelector("#notes").textContent = (notes || []).join(" ");
  for (const format of ["csv", "gdelt"]) {
    const link = document.querySelector("#download-" + format);
    const query = new URLSearchParams(params);
    query.set("format", format);
    link.href = withQuery("/api/export", query);
  }
}
