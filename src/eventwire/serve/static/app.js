// The explorer: filters kept in the URL, totals and downloads, facets, a time axis with a
// brush and the Goldstein series, the actor network, a map of every located event and the
// table of events; plus the event and document pages. ES modules over vendored d3 and
// Leaflet (see vendor/README.md); everything comes from this server.
import { api, extended, showError } from "./api.js";
import { drawFacets, drawTotals } from "./facets.js";
import { cameoLabel, loadLabels, ploverLabel, quadLabel } from "./labels.js";
import { initMap, showPoints } from "./map.js";
import { drawNetwork } from "./network.js";
import { actorCell, showDocument, showEvent } from "./pages.js";
import { setUpPosting } from "./post.js";
import { cleanParams, currentRoute, mainHash, navigate, showParams } from "./state.js";
import { clear, htmlEl } from "./svg.js";
import { drawTimeline, periodSpan } from "./timeline.js";

const $ = (sel) => document.querySelector(sel);
const PAGE = 100;
const SHORT_SPAN = 92 * 86400000; // up to about three months, the time axis counts days

let filters = new URLSearchParams();
let nextCursor = null;
let shownRows = 0;
let generation = 0; // answers of an older selection are dropped, not drawn

function openEvent(id) {
  location.hash = "#/event/" + encodeURIComponent(id);
}

function addRows(rows) {
  const body = $("#events tbody");
  for (const row of rows) {
    const tr = htmlEl("tr", { "data-event": row.event_id }, null, body);
    htmlEl("td", {}, row.date || "", tr);
    htmlEl("td", {}, actorCell(row, "source"), tr);
    const what = htmlEl("td", { title: quadLabel(row.quad_class) }, cameoLabel(row.cameo), tr);
    if (row.plover_type) htmlEl("span", { class: "plover" }, ploverLabel(row), what);
    htmlEl("td", {}, actorCell(row, "target"), tr);
    htmlEl("td", {}, row.location_name || "", tr);
    htmlEl("td", { class: "evidence" }, row.sentence || row.trigger || "", tr);
    tr.addEventListener("click", () => openEvent(row.event_id));
  }
}

async function loadEvents(gen, append) {
  const params = extended(filters, { limit: PAGE });
  if (append && nextCursor) params.set("cursor", nextCursor);
  const page = await api("/api/events", params);
  if (gen !== generation) return;
  if (!append) {
    clear($("#events tbody"));
    shownRows = 0;
  }
  nextCursor = page.next ?? page.next_cursor ?? null;
  shownRows += page.events.length;
  addRows(page.events);
  $("#more").hidden = !nextCursor;
  const total = page.total ?? (nextCursor ? null : shownRows);
  $("#count").textContent = `${shownRows} shown${total !== null ? " of " + total : ""}, newest first`;
  if (!append) drawTotals(total ?? shownRows, page.notes, filters);
}

async function loadTimeline(gen) {
  // Months first (one cheap answer for centuries of data); days when they span little.
  let interval = "month";
  let data = await api("/api/stats/timeline", extended(filters, { interval }));
  const spans = data.series.map((r) => periodSpan(String(r.period)));
  if (spans.length && Math.max(...spans.map((s) => s[1])) - Math.min(...spans.map((s) => s[0])) <= SHORT_SPAN) {
    interval = "day";
    data = await api("/api/stats/timeline", extended(filters, { interval }));
  }
  const gold = await api("/api/stats/goldstein", extended(filters, { interval }));
  if (gen !== generation) return;
  drawTimeline($("#timeline"), $("#goldstein"), data.series, gold.series, filters,
    (since, until) => navigate({ since, until }));
  $("#clear-period").hidden = !(filters.get("since") || filters.get("until"));
}

async function loadNetwork(gen) {
  const data = await api("/api/network", extended(filters, { limit: 150 }));
  if (gen === generation) drawNetwork($("#network"), data.edges, (code) => navigate({ actor: code }));
}

async function loadFacets(gen) {
  const data = await api("/api/facets", filters);
  if (gen === generation) drawFacets($("#facets"), data, (name, value) => navigate({ [name]: value }));
}

async function loadPoints(gen) {
  await initMap($("#map"), openEvent);
  const data = await api("/api/points", filters);
  if (gen === generation) showPoints($("#map"), $("#map-note"), data);
}

async function refresh() {
  const gen = ++generation;
  document.body.dataset.ready = "0";
  showError(null);
  const loads = [loadEvents(gen, false), loadTimeline(gen), loadNetwork(gen), loadFacets(gen), loadPoints(gen)];
  const failed = (await Promise.allSettled(loads)).find((r) => r.status === "rejected");
  if (gen !== generation) return;
  if (failed) showError(failed.reason);
  document.body.dataset.ready = "1";
}

async function showPage(kind, id) {
  const gen = ++generation;
  document.body.dataset.ready = "0";
  showError(null);
  try {
    await (kind === "event" ? showEvent(id) : showDocument(id));
  } catch (err) {
    showError(err);
  }
  if (gen === generation) document.body.dataset.ready = "1";
}

async function route() {
  const { view, id, params } = currentRoute();
  $("#view-main").hidden = view !== "main";
  $("#view-event").hidden = view !== "event";
  $("#view-document").hidden = view !== "document";
  if (view !== "main") return showPage(view, id);
  filters = cleanParams(params);
  showParams(filters);
  for (const back of document.querySelectorAll("a.back")) back.href = mainHash(filters);
  return refresh();
}

function start() {
  $("#filters").addEventListener("submit", (e) => {
    e.preventDefault();
    if (!navigate({})) route();
  });
  $("#filters").addEventListener("reset", () => setTimeout(() => navigate({}), 0));
  $("#more").addEventListener("click", () => loadEvents(generation, true).catch(showError));
  $("#clear-period").addEventListener("click", () => navigate({ since: null, until: null }));
  window.addEventListener("hashchange", route);
  setUpPosting($("#add"), $("#add-result"), refresh);
  loadLabels().catch(showError).then(route);
}

start();
