// Taskforge dashboard: follows the page's live stream, and asks before bulk actions.
// No inline script runs (the Content-Security-Policy forbids it); this file is all there is.
"use strict";

(function () {
  const live = document.getElementById("live");
  const toggle = document.getElementById("live-toggle");
  let source = null;

  // The ids of the selected jobs, kept across an update of the list.
  function selection() {
    return new Set(Array.from(document.querySelectorAll("input[name=id]:checked"), (box) => box.value));
  }

  function apply(html) {
    const selected = selection();
    const focused = document.activeElement && document.activeElement.closest("#live") ? document.activeElement.id : null;
    live.innerHTML = html;
    for (const box of document.querySelectorAll("input[name=id]")) box.checked = selected.has(box.value);
    if (focused) document.getElementById(focused)?.focus();
    live.dispatchEvent(new CustomEvent("taskforge:updated"));
  }

  function connect() {
    if (!live || !live.dataset.stream || source) return;
    source = new EventSource(live.dataset.stream);
    source.addEventListener("update", (event) => apply(event.data));
    source.addEventListener("end", () => disconnect());
    // Counts the stream's (re)openings: the server closes a stream after its lifetime.
    source.addEventListener("open", () => {
      document.body.dataset.streamOpens = String(Number(document.body.dataset.streamOpens || "0") + 1);
    });
    // EventSource reconnects a dropped stream by itself; the first event after it renders afresh.
  }

  function disconnect() {
    if (source) source.close();
    source = null;
  }

  if (toggle) {
    toggle.addEventListener("click", () => {
      const paused = toggle.getAttribute("aria-pressed") === "true";
      toggle.setAttribute("aria-pressed", paused ? "false" : "true");
      toggle.textContent = paused ? "Pause live updates" : "Resume live updates";
      if (paused) connect(); else disconnect();
    });
  }

  // A bulk action names its count before it runs.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    // getAttribute: a form's `id` property names its control called "id" when it has one.
    const formID = form.getAttribute("id");
    if (formID === "matching") {
      const verb = event.submitter && event.submitter.id === "retry-matching" ? "Retry" : "Cancel";
      if (!window.confirm(`${verb} all ${form.dataset.count} matching jobs?`)) event.preventDefault();
      return;
    }
    if (formID !== "bulk") return;
    const count = selection().size;
    const action = (event.submitter && event.submitter.textContent || "Apply").replace(" selected", "").toLowerCase();
    if (count === 0) {
      event.preventDefault();
      window.alert("Select the jobs first.");
    } else if (!window.confirm(`${action.charAt(0).toUpperCase() + action.slice(1)} ${count.toLocaleString("en-US")} ${count === 1 ? "job" : "jobs"}?`)) {
      event.preventDefault();
    }
  });

  connect();
})();
