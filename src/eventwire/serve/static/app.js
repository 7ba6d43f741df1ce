// The explorer: filters, timeline, network, map and table over /api, plus an event page
// (#/event/<id>) and a document page (#/document/<id>). Plain ES modules, no framework.
import { drawTimeline, drawNetwork, QUAD_NAMES } from "./charts.js";
import { drawMap } from "./map.js";
import { setUpPosting } from "./post.js";
import { clear, htmlEl, highlight } from "./svg.js";

const $ = (sel) => document.querySelector(sel);
const PAGE = 100;
let nextCursor = null;
let loadedRows = [];

class ApiFailure extends Error {}

async function api(path, params = new URLSearchParams()) {
  const query = params.toString();
  const response = await fetch(path + (query ? "?" + query : ""), { headers: { accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const err = (body && body.error) || { code: "?", message: response.statusText };
    const first = Array.isArray(err.detail) && err.detail.length ? ` (${err.detail[0].msg})` : "";
    throw new ApiFailure(`${err.code}: ${err.message}${first}`);
  }
  return body;
}

function showError(err) {
  const box = $("#error");
  box.textContent = err ? String(err.message || err) : "";
  box.hidden = !err;
}

function filterParams() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($("#filters")).entries()) {
    if (String(v).trim()) params.set(k, String(v).trim());
  }
  return params;
}

function withParams(extra) {
  const params = filterParams();
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params;
}

function actorCell(row, side) {
  const code = row[side + "_code"] || "";
  const text = row[side + "_text"] || "";
  return code ? `${code}${text ? " (" + text + ")" : ""}` : text || "—";
}

function eventLabel(row) {
  const plover = row.plover_type ? " " + row.plover_type : "";
  return `${row.cameo || ""}${plover}`;
}

function addRows(rows) {
  const body = $("#events tbody");
  for (const row of rows) {
    const tr = htmlEl("tr", { "data-event": row.event_id }, null, body);
    htmlEl("td", {}, row.date || "", tr);
    htmlEl("td", {}, actorCell(row, "source"), tr);
    htmlEl("td", { title: QUAD_NAMES[row.quad_class] || "" }, eventLabel(row), tr);
    htmlEl("td", {}, actorCell(row, "target"), tr);
    htmlEl("td", {}, row.location_name || "", tr);
    htmlEl("td", { class: "evidence" }, row.sentence || row.trigger || "", tr);
    tr.addEventListener("click", () => openEvent(row.event_id));
  }
}

function openEvent(id) {
  location.hash = "#/event/" + encodeURIComponent(id);
}

function setActor(code) {
  $("#filters").elements.namedItem("actor").value = code;
  refresh();
}

async function loadEvents(append) {
  const params = withParams({ limit: String(PAGE) });
  if (append && nextCursor) params.set("cursor", nextCursor);
  const page = await api("/api/events", params);
  if (!append) { clear($("#events tbody")); loadedRows = []; }
  loadedRows = loadedRows.concat(page.events);
  nextCursor = page.next_cursor;
  addRows(page.events);
  $("#more").hidden = !nextCursor;
  $("#count").textContent = `${loadedRows.length}${nextCursor ? "+" : ""} shown, newest first`;
  await drawMap($("#map"), loadedRows, openEvent);
}

async function loadTimeline() {
  // Months first (one cheap answer for years of data); days when it spans a few months.
  let data = await api("/api/stats/timeline", withParams({ interval: "month" }));
  const months = new Set(data.series.map((r) => r.period));
  if (months.size <= 3) data = await api("/api/stats/timeline", withParams({ interval: "day" }));
  drawTimeline($("#timeline"), data.series);
}

async function loadNetwork() {
  const data = await api("/api/network", withParams({ limit: "60" }));
  drawNetwork($("#network"), data.edges, setActor);
}

async function refresh() {
  document.body.dataset.ready = "0";
  showError(null);
  try {
    await Promise.all([loadEvents(false), loadTimeline(), loadNetwork()]);
  } catch (err) {
    showError(err);
  }
  document.body.dataset.ready = "1";
}

function fact(dl, name, value) {
  if (value === null || value === undefined || value === "") return;
  htmlEl("dt", {}, name, dl);
  htmlEl("dd", {}, String(value), dl);
}

function renderEvidence(list, evidence) {
  clear(list);
  for (const m of evidence) {
    const li = htmlEl("li", {}, null, list);
    const p = htmlEl("p", { class: "sentence" }, null, li);
    highlight(p, m.sentence || "", m.spans || []);
    const meta = htmlEl("p", {}, null, li);
    const link = htmlEl("a", { href: "#/document/" + encodeURIComponent(m.doc_id) }, m.title || m.doc_id, meta);
    link.dataset.doc = m.doc_id;
    meta.appendChild(document.createTextNode(` ${m.date || ""} · rule ${m.rule || "?"}`));
  }
}

async function showEvent(id) {
  const data = await api("/api/events/" + encodeURIComponent(id));
  const ev = data.event;
  $("#event-title").textContent = `${actorCell(ev, "source")} — ${eventLabel(ev)} — ${actorCell(ev, "target")}`;
  const dl = clear($("#event-facts"));
  fact(dl, "CAMEO", ev.cameo);
  fact(dl, "PLOVER", [ev.plover_type, ev.plover_mode].filter(Boolean).join(" / "));
  fact(dl, "QuadClass", ev.quad_class ? `${ev.quad_class} (${QUAD_NAMES[ev.quad_class]})` : null);
  fact(dl, "Goldstein", ev.goldstein);
  fact(dl, "Date", ev.date);
  fact(dl, "Where", ev.location_name);
  fact(dl, "Mentions", data.evidence.length);
  renderEvidence($("#evidence"), data.evidence);
}

async function showDocument(id) {
  const doc = await api("/api/documents/" + encodeURIComponent(id));
  $("#doc-title").textContent = `${doc.title || doc.doc_id} ${doc.date ? "(" + doc.date + ")" : ""}`;
  highlight($("#doc-text"), doc.text || "", doc.spans || []);
}

async function route() {
  const [, kind, id] = location.hash.match(/^#\/(event|document)\/(.+)$/) || [];
  $("#view-main").hidden = Boolean(kind);
  $("#view-event").hidden = kind !== "event";
  $("#view-document").hidden = kind !== "document";
  if (!kind) return refresh();
  document.body.dataset.ready = "0";
  showError(null);
  try {
    await (kind === "event" ? showEvent(decodeURIComponent(id)) : showDocument(decodeURIComponent(id)));
  } catch (err) {
    showError(err);
  }
  document.body.dataset.ready = "1";
}

async function fillPlover() {
  const data = await fetch("/static/plover-types.json").then((r) => r.json());
  const select = $("#filters").elements.namedItem("plover");
  for (const t of data.event_types) htmlEl("option", { value: t }, t, select);
}

function start() {
  $("#filters").addEventListener("submit", (e) => {
    e.preventDefault();
    if (location.hash.startsWith("#/event/") || location.hash.startsWith("#/document/")) location.hash = "#/";
    else refresh();
  });
  $("#filters").addEventListener("reset", () => setTimeout(refresh, 0));
  $("#more").addEventListener("click", () => loadEvents(true).catch(showError));
  window.addEventListener("hashchange", route);
  setUpPosting($("#add"), $("#add-result"), refresh);
  fillPlover().catch(showError).then(route);
}

start();
