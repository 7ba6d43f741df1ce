// The filter state lives in the URL: the main view is #/?source=USA&quad=3,4, an event
// #/event/<id>, a document #/document/<id>. Every change of filters is a new history entry,
// so reload restores the view and back/forward walk through the selections made.

//: The query parameters of the filter vocabulary that the form edits, in display order.
export const FIELDS = ["source", "target", "dyad", "undirected", "actor", "country",
  "location_country", "quad", "cameo", "plover", "plover_mode", "plover_context", "since",
  "until", "text", "min_confidence"];

const form = () => document.querySelector("#filters");

// The route of the current hash: {view: "main"|"event"|"document", id, params}.
export function currentRoute() {
  const hash = location.hash || "#/";
  const page = hash.match(/^#\/(event|document)\/([^?]+)/);
  if (page) return { view: page[1], id: decodeURIComponent(page[2]), params: new URLSearchParams() };
  const query = hash.indexOf("?");
  return { view: "main", id: null, params: new URLSearchParams(query >= 0 ? hash.slice(query + 1) : "") };
}

// Only the known filters, in a stable order (so equal selections give equal URLs).
export function cleanParams(params) {
  const out = new URLSearchParams();
  for (const name of FIELDS) {
    const value = (params.get(name) || "").trim();
    if (value) out.set(name, value);
  }
  return out;
}

export function mainHash(params) {
  const query = cleanParams(params).toString();
  return "#/" + (query ? "?" + query : "");
}

// The filters as the form shows them now (the QuadClass boxes become one comma list).
export function formParams() {
  const params = new URLSearchParams();
  const data = new FormData(form());
  for (const name of FIELDS) {
    const values = data.getAll(name).map((v) => String(v).trim()).filter(Boolean);
    if (values.length) params.set(name, values.join(","));
  }
  return params;
}

// Fill the form from the URL's filters (after a reload, back or forward).
export function showParams(params) {
  const elements = form().elements;
  for (const name of FIELDS) {
    const value = params.get(name) || "";
    if (name === "quad") {
      const wanted = new Set(value.split(","));
      for (const box of form().querySelectorAll("input[name=quad]")) box.checked = wanted.has(box.value);
    } else if (name === "undirected") {
      elements.namedItem(name).checked = value === "true";
    } else {
      elements.namedItem(name).value = value;
    }
  }
}

// A new selection: the current filters with `changes` applied (null or "" removes one).
export function navigate(changes) {
  const params = formParams();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") params.delete(k);
    else params.set(k, String(v));
  }
  const hash = mainHash(params);
  if (hash === location.hash || (hash === "#/" && !location.hash)) return false;
  location.hash = hash;
  return true;
}
