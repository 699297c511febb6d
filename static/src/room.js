// The room: countdowns that tick between polls, the console's tabs, and the facilitator's
// keyboard shortcuts. Every control is a real form; without this file they all still work.
"use strict";

// Countdowns: the server says how many seconds were left when it drew the panel; count down
// from there on this device's clock, so a slow or skewed clock still ends with everyone else.
function tickTimers() {
  document.querySelectorAll(".timer[data-remaining]").forEach((timer) => {
    const key = `${timer.dataset.remaining}|${timer.dataset.endsAt || ""}`;
    if (timer.dataset.drawn !== key) {
      timer.dataset.drawn = key;
      timer.dataset.deadline = String(Date.now() + Number(timer.dataset.remaining) * 1000);
    }
    const left = Math.max(0, Math.ceil((Number(timer.dataset.deadline) - Date.now()) / 1000));
    const clock = timer.querySelector(".timer-clock");
    const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    if (clock && clock.textContent !== text) clock.textContent = text;
    timer.classList.toggle("done", left === 0);
    timer.classList.toggle("ending", left > 0 && left <= 30);
  });
}
setInterval(tickTimers, 250);
document.addEventListener("DOMContentLoaded", tickTimers);

// The console's tabs: one pane at a time (room and results side by side in the first).
function showTab(console, name) {
  console.querySelectorAll("[data-pane]").forEach((pane) => {
    pane.hidden = pane.dataset.pane !== name;
  });
  console.querySelectorAll("[data-tab]").forEach((tab) => {
    tab.setAttribute("aria-current", tab.dataset.tab === name ? "page" : "false");
  });
}

function tabFor(console, hash) {
  const target = hash && hash.length > 1 ? document.getElementById(hash.slice(1)) : null;
  const pane = target && target.closest("[data-pane]");
  return pane ? pane.dataset.pane : console.dataset.defaultTab || "room";
}

document.addEventListener("DOMContentLoaded", () => {
  const console = document.getElementById("console");
  if (!console) return;
  console.classList.add("tabs-on");
  showTab(console, tabFor(console, window.location.hash));
  console.querySelectorAll("[data-tab]").forEach((tab) => {
    tab.addEventListener("click", () => showTab(console, tab.dataset.tab));
  });
  window.addEventListener("hashchange", () => showTab(console, tabFor(console, window.location.hash)));
});

// Keyboard shortcuts for the facilitator (console and presenter view): N next stage, R show or
// hide the results, T start or stop the countdown, P the presenter view. Never while typing.
function submit(selector) {
  const form = document.querySelector(selector);
  if (!form) return false;
  form.requestSubmit();
  return true;
}

function nextStage() {
  if (submit("#next-stage-form")) return;
  const button = document.querySelector("#stage-form button:not(.secondary)");
  if (button) button.click();
}

function toggleTimer() {
  const running = document.querySelector(".timer:not(.done)");
  if (running && submit("#timer-stop-form")) return;
  submit("#timer-form");
}

const SHORTCUTS = {
  n: nextStage,
  r: () => submit("#reveal-form"),
  t: toggleTimer,
  p: () => {
    const link = document.getElementById("present-link");
    if (link) window.open(link.href, "_blank", "noopener");
  },
};

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
  if (event.target.closest("input, textarea, select, [contenteditable]")) return;
  if (!document.getElementById("console") && !document.querySelector(".room-screen")) return;
  const action = SHORTCUTS[event.key.toLowerCase()];
  if (action) {
    event.preventDefault();
    action();
  }
});
