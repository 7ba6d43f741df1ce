// The map (Leaflet + Leaflet.markercluster): Natural Earth country outlines without tiles
// (the page loads nothing from elsewhere), zoom, and every located event of the selection
// from /api/points, clustered so that a hundred thousand points stay readable.
import { cameoLabel, QUAD_NAMES } from "./labels.js";
import { countryRings } from "./world.js";

let map = null;
let cluster = null;

function drawCountries(countries) {
  const renderer = L.svg({ padding: 0.5 });
  for (const c of countries) {
    if (!c.rings.length) continue;
    L.polygon(c.rings, { renderer, className: "country", fillRule: "evenodd", weight: 0.6,
      color: "#ffffff", fillColor: "#dcdcd4", fillOpacity: 1, smoothFactor: 0.6 })
      .bindTooltip(c.name, { sticky: true }).addTo(map);
  }
}

// The map in `el`, made once; `data-zoom` on `el` follows the zoom level.
export async function initMap(el, onEvent) {
  if (map) return map;
  map = L.map(el, { minZoom: 1, maxZoom: 14, zoomSnap: 0.5, worldCopyJump: false,
    maxBounds: [[-89, -220], [89, 220]], maxBoundsViscosity: 0.8 });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth (public domain)");
  map.fitBounds([[-56, -170], [76, 175]]);
  map.on("zoomend", () => { el.dataset.zoom = String(map.getZoom()); });
  el.dataset.zoom = String(map.getZoom());
  drawCountries(await countryRings());
  cluster = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45 });
  cluster.on("click", (e) => onEvent(e.layer.options.eventId));
  cluster.addTo(map);
  window.explorer = Object.assign(window.explorer || {}, { map, cluster });
  return map;
}

function marker([id, lat, lon, root, quad]) {
  const icon = L.divIcon({ className: "dot q" + (quad || 0), iconSize: [12, 12] });
  const what = [cameoLabel(root), QUAD_NAMES[quad]].filter(Boolean).join(", ");
  return L.marker([lat, lon], { icon, eventId: id, title: `${what}: click for the event`, keyboard: false });
}

// Replace the points by `answer` of /api/points; the view fits them (the world if none).
export function showPoints(el, note, answer) {
  cluster.clearLayers();
  cluster.addLayers(answer.points.map(marker));
  el.dataset.points = String(answer.points.length);
  el.dataset.total = String(answer.total);
  note.textContent = answer.note
    || `${answer.total.toLocaleString("en")} located event(s); events without a place are not on the map`;
  note.classList.toggle("capped", Boolean(answer.capped));
  if (answer.points.length) map.fitBounds(cluster.getBounds(), { maxZoom: 5, padding: [30, 30] });
}
