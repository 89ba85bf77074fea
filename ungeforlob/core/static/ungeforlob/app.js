// Ungeforløb: start Det Fælles Designsystem's components, and again after htmx swaps content in.
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS) { window.DKFDS.init(); }
});
document.addEventListener("htmx:afterSwap", function (event) {
  if (window.DKFDS) { window.DKFDS.init(event.target); }
});
// Confirmation before destructive actions: <form data-confirm="Er du sikker?">
document.addEventListener("submit", function (event) {
  var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) { event.preventDefault(); }
});
// Auto-submit filter selects: <select data-autosubmit>
document.addEventListener("change", function (event) {
  if (event.target.hasAttribute && event.target.hasAttribute("data-autosubmit")) { event.target.form.requestSubmit(); }
});
// The main menu's "Mere" closes on a click outside it and on Escape (focus back on its button).
document.addEventListener("click", function (event) {
  document.querySelectorAll("details.app-more-menu[open]").forEach(function (menu) {
    if (!menu.contains(event.target)) { menu.removeAttribute("open"); }
  });
});
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") { return; }
  document.querySelectorAll("details.app-more-menu[open]").forEach(function (menu) {
    menu.removeAttribute("open");
    menu.querySelector("summary").focus();
  });
});
