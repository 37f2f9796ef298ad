// The UI's router: the URL names the view and carries its filters, so any view can be shared,
// reloaded or gone back to. Links marked data-link change the view without reloading the page.

import { errorBox } from "./dom.js";
import { renderEvents } from "./events.js";
import { renderEvent, renderActor, renderTransfers } from "./pages.js";

const main = document.getElementById("main");
let rendering = 0;

export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  render();
}

async function render() {
  const ticket = ++rendering;
  document.body.dataset.ready = "false";
  const { pathname, searchParams } = new URL(location.href);
  const view = document.createElement("div");
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  document.querySelectorAll("nav a").forEach((a) => a.classList.toggle("active",
    (a.dataset.nav === "events" && parts.length === 0) || a.dataset.nav === parts[0]));
  try {
    if (parts[0] === "event" && parts[1]) await renderEvent(view, parts[1]);
    else if (parts[0] === "actor" && parts[1]) await renderActor(view, parts[1], searchParams);
    else if (parts[0] === "transfers") await renderTransfers(view, searchParams);
    else await renderEvents(view, searchParams);
  } catch (error) {
    view.replaceChildren(errorBox(error));
  }
  if (ticket !== rendering) return; // a newer navigation replaced this one
  main.replaceChildren(view);
  document.body.dataset.ready = "true"; // tests wait for this
  performance.mark("chronique-ready"); // and the benchmark reads when
}

document.addEventListener("click", (event) => {
  const a = event.target.closest("a[data-link]");
  if (!a || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(a.getAttribute("href"));
});
window.addEventListener("popstate", render);
window.chronique = { navigate };
render();
