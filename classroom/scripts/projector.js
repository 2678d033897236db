// Projector view of a case text (iskitim.html?projector#iskitim-p7): the CSS enlarges the text
// and hides the rest; the chosen paragraph is brought back to the middle of the new layout.
// A bar names the clinic and leaves the view in one step, however many paragraphs were shown
// (each change of the address's number is a step of the browser's own Back).
if (/[?&]projector\b/.test(location.search)) {
  document.documentElement.dataset.whcProjector = "";
  const chosen = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (chosen) chosen.scrollIntoView({ block: "center" });
  const bar = document.querySelector("[data-projector-bar]");
  if (bar) {
    bar.hidden = false;
    bar.querySelector("[data-projector-back]").addEventListener("click", (event) => {
      event.preventDefault();
      const address = new URL(location.href);
      address.searchParams.delete("projector");
      location.replace(address.href.replace(/\?$/, "").replace(/\?#/, "#"));
    });
  }
}
