// Names next to codes: CAMEO event codes (from /api/codes/cameo, the shipped CAMEO table),
// QuadClasses and PLOVER types (plover-types.json).
import { api } from "./api.js";
import { htmlEl } from "./svg.js";

export const QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

let cameoNames = {};

// The table writes root names in capitals ("MAKE PUBLIC STATEMENT"); shown in sentence case.
function readable(name) {
  return name === name.toUpperCase() ? name.charAt(0) + name.slice(1).toLowerCase() : name;
}

export function cameoName(code) {
  return code && cameoNames[code] ? readable(cameoNames[code]) : "";
}

// "190 Use conventional military force" (or the bare code when the table lacks it).
export function cameoLabel(code) {
  if (!code) return "";
  const name = cameoName(code);
  return name ? `${code} ${name}` : String(code);
}

export function quadLabel(q) {
  return q ? `${q} ${QUAD_NAMES[q] || ""}`.trim() : "";
}

export function ploverLabel(row) {
  return [row.plover_type, row.plover_mode].filter(Boolean).join(" / ");
}

async function loadPlover(select) {
  const data = await fetch("/static/plover-types.json").then((r) => r.json());
  for (const t of data.event_types) htmlEl("option", { value: t }, t, select);
}

async function loadCameo(datalist) {
  cameoNames = (await api("/api/codes/cameo")).names;
  for (const [code, name] of Object.entries(cameoNames)) {
    htmlEl("option", { value: code }, `${code} ${readable(name)}`, datalist);
  }
}

export function loadLabels() {
  return Promise.all([
    loadPlover(document.querySelector("#filters select[name=plover]")),
    loadCameo(document.querySelector("#cameo-codes")),
  ]);
}
