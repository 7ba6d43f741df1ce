// The event page (#/event/<id>: every sentence that reported the event, with trigger,
// source and target highlighted) and the document page (#/document/<id>: the text with
// every mention highlighted), each with a link to the article it came from.
import { api } from "./api.js";
import { cameoLabel, ploverLabel, quadLabel } from "./labels.js";
import { clear, htmlEl, highlight } from "./svg.js";

const $ = (sel) => document.querySelector(sel);

export function actorCell(row, side) {
  const code = row[side + "_code"] || "";
  const text = row[side + "_text"] || "";
  return code ? `${code}${text ? " (" + text + ")" : ""}` : text || "—";
}

// Only web addresses become links: a stored url such as "javascript:..." stays text.
export function webAddress(url) {
  try {
    const parsed = new URL(String(url || ""));
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

// "source article" link (new tab, no referrer) or nothing when there is no web address.
export function sourceLink(url, parent, text = "source article") {
  const href = webAddress(url);
  if (!href) return null;
  return htmlEl("a", { class: "source-link", href, target: "_blank", rel: "noopener noreferrer" },
    text, parent);
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
    const meta = htmlEl("p", { class: "meta" }, null, li);
    const link = htmlEl("a", { href: "#/document/" + encodeURIComponent(m.doc_id) }, m.title || m.doc_id, meta);
    link.dataset.doc = m.doc_id;
    meta.appendChild(document.createTextNode(` ${m.date || ""} · rule ${m.rule || "?"} `));
    if (sourceLink(m.url, meta, m.outlet ? `source article (${m.outlet})` : "source article")) {
      meta.lastChild.title = m.url;
    }
  }
}

export async function showEvent(id) {
  const data = await api("/api/events/" + encodeURIComponent(id));
  const ev = data.event;
  $("#event-title").textContent = `${actorCell(ev, "source")} — ${cameoLabel(ev.cameo)} — ${actorCell(ev, "target")}`;
  const dl = clear($("#event-facts"));
  fact(dl, "CAMEO", cameoLabel(ev.cameo));
  fact(dl, "PLOVER", ploverLabel(ev));
  fact(dl, "QuadClass", quadLabel(ev.quad_class));
  fact(dl, "Goldstein", ev.goldstein);
  fact(dl, "Date", ev.date);
  fact(dl, "Where", ev.location_name);
  fact(dl, "Mentions", data.evidence.length);
  renderEvidence($("#evidence"), data.evidence);
}

export async function showDocument(id) {
  const doc = await api("/api/documents/" + encodeURIComponent(id));
  $("#doc-title").textContent = `${doc.title || doc.doc_id} ${doc.date ? "(" + doc.date + ")" : ""}`;
  const url = doc.url || (doc.meta || {}).url || "";
  const source = clear($("#doc-source"));
  if (!sourceLink(url, source, `source article: ${url}`)) {
    source.textContent = url ? `source: ${url}` : "no source address stored";
  }
  highlight($("#doc-text"), doc.text || "", doc.spans || []);
}
