// Country outlines for a flat map, cut at the 180° meridian.
//
// Why: world-atlas keeps polygons whole on the sphere, so Russia, Fiji and Antarctica cross
// the 180° meridian. Drawn on a flat map, their edges that jump from +180° to -180° become
// bands across the whole world. d3-geo cuts polygons at the meridian (and closes a ring
// that goes round a pole along the pole) when it projects them; an equirectangular
// projection scaled to degrees gives back longitude and latitude, now cut.
const URL = "/static/vendor/world-atlas/countries-50m.json";

let countries = null;

function ringsOf(feature, path, sink) {
  sink.rings = [];
  path(feature);
  return sink.rings.filter((ring) => ring.length > 2);
}

// A path context that records the projected rings as [lat, lon] lists (Leaflet's order).
function ringSink() {
  const sink = { rings: [], ring: null };
  sink.moveTo = (x, y) => { sink.ring = [[-y, x]]; sink.rings.push(sink.ring); };
  sink.lineTo = (x, y) => sink.ring.push([-y, x]);
  sink.closePath = () => { sink.ring = null; };
  sink.arc = () => {};
  return sink;
}

// [{name, rings: [[[lat, lon], ...], ...]}] of every country, cut at the meridian.
export async function countryRings() {
  if (countries) return countries;
  const topology = await fetch(URL).then((r) => r.json());
  const features = topojson.feature(topology, topology.objects.countries).features;
  const projection = d3.geoEquirectangular().scale(180 / Math.PI).translate([0, 0]).precision(0);
  const sink = ringSink();
  const path = d3.geoPath(projection, sink);
  countries = features.map((f) => ({ name: (f.properties || {}).name || "", rings: ringsOf(f, path, sink) }));
  return countries;
}
