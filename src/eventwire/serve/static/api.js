// Calls to the JSON API, and the page's one error box. A failure shows the server's coded
// error (e.g. "E601: invalid request parameters (since ...)"), never a silent empty panel.
export class ApiFailure extends Error {}

export function withQuery(path, params) {
  const query = params ? params.toString() : "";
  return path + (query ? "?" + query : "");
}

export async function api(path, params = null) {
  const response = await fetch(withQuery(path, params), { headers: { accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const err = (body && body.error) || { code: "?", message: response.statusText };
    const first = Array.isArray(err.detail) && err.detail.length ? ` (${err.detail[0].msg})` : "";
    throw new ApiFailure(`${err.code}: ${err.message}${first}`);
  }
  return body;
}

export function showError(err) {
  const box = document.querySelector("#error");
  box.textContent = err ? String(err.message || err) : "";
  box.hidden = !err;
}

// `params` plus `extra` (a new object: the caller's filters stay as they are).
export function extended(params, extra) {
  const out = new URLSearchParams(params);
  for (const [k, v] of Object.entries(extra)) out.set(k, String(v));
  return out;
}
