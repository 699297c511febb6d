// Small enhancements on top of real forms; every page works without this file.
"use strict";

// Live count of the points a participant still has to share.
function updatePointsLeft(form) {
  const output = form.querySelector("#points-left");
  if (!output) return;
  let shared = 0;
  form.querySelectorAll('input[type="number"]').forEach((input) => {
    const value = parseFloat(input.value);
    if (Number.isFinite(value)) shared += value;
  });
  const left = Number(output.dataset.total) - shared;
  output.textContent = String(left);
  output.classList.toggle("over", left < 0);
  output.classList.toggle("done", left === 0);
}

document.addEventListener("input", (event) => {
  const form = event.target.closest("form[data-points-total]");
  if (form) updatePointsLeft(form);
});

// Polling with ETags: send the last ETag ourselves so an unchanged panel answers 304 and
// htmx leaves it alone (fetch() would otherwise turn the 304 into a cached 200 and re-swap).
document.addEventListener("htmx:after:request", (event) => {
  const ctx = event.detail.ctx;
  const etag = ctx.response && ctx.response.headers && ctx.response.headers.get("ETag");
  if (etag) ctx.sourceElement.dataset.etag = etag;
});
document.addEventListener("htmx:config:request", (event) => {
  const ctx = event.detail.ctx;
  const etag = ctx.sourceElement && ctx.sourceElement.dataset.etag;
  if (ctx.request.method === "GET" && etag) ctx.request.headers["If-None-Match"] = etag;
});

// What-if panel: show each slider's share of the total as it moves (the server rescales the
// same way); the ranking itself comes from the server.
document.addEventListener("input", (event) => {
  const form = event.target.closest("#what-if-form");
  if (!form) return;
  const sliders = [...form.querySelectorAll('input[type="range"]')];
  const total = sliders.reduce((sum, s) => sum + Number(s.value), 0);
  sliders.forEach((slider) => {
    const output = form.querySelector(`output[for="${slider.id}"]`);
    if (output) output.textContent = total ? `${Math.round((100 * slider.value) / total)}%` : "–";
  });
});
