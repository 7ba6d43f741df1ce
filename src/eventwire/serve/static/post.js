// Adding a story from the explorer. Writes need a credential: without a token, on loopback,
// the server puts a secret made at its start in this page (<meta name="eventwire-write">),
// and a page of another site can neither read it nor send its header.
const secret = () => document.querySelector('meta[name="eventwire-write"]')?.content || "";

async function postText(text) {
  const response = await fetch("/api/documents", {
    method: "POST",
    headers: { "content-type": "text/plain; charset=utf-8", accept: "application/json",
               "x-eventwire-token": secret() },
    body: text,
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const err = (body && body.error) || { code: "?", message: response.statusText };
    throw new Error(`${err.code}: ${err.message}`);
  }
  return body;
}

function summary(result) {
  const doc = result.documents[0];
  const kept = result.store && result.store.added ? "stored" : "already stored";
  return `${doc.events} event(s) found; ${kept}.`;
}

// Shows the form only when the page can write (no token set, loopback); onStored redraws.
export function setUpPosting(form, output, onStored) {
  if (!secret()) return;
  form.closest("section").hidden = false;
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    document.body.dataset.posted = "0";
    output.textContent = "Coding…";
    try {
      output.textContent = summary(await postText(form.elements.namedItem("text").value));
      form.reset();
      await onStored();
    } catch (err) {
      output.textContent = String(err.message || err);
    }
    document.body.dataset.posted = "1";
  });
}
