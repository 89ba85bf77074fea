// "Udskriv" on the fact box: the browser's print dialog (the print stylesheet in offers.css hides the rest).
document.querySelectorAll("[data-offers-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
