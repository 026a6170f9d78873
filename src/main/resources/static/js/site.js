// Progressive enhancements only: every page works without this script.
(function () {
  "use strict";

  // "/" focuses the search box, as on most search sites, unless the reader is typing somewhere.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.querySelector("input[data-focus-key='/']");
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });

  // Remote images load only when the reader asks; the link itself opens the image without this script.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.remote-image[data-src]") : null;
    if (!link) return;
    event.preventDefault();
    var image = document.createElement("img");
    image.referrerPolicy = "no-referrer";
    image.loading = "lazy";
    image.alt = link.getAttribute("data-alt") || "";
    // A host that is gone leaves a note in the image's place, not a broken-image icon.
    image.addEventListener("error", function () {
      var note = document.createElement("span");
      note.className = "remote-image failed";
      note.textContent = link.getAttribute("data-failed") || "";
      image.replaceWith(note);
    });
    image.src = link.getAttribute("data-src");
    link.replaceWith(image);
  });

  // The copy-permalink button appears only where copying can work.
  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-copy-target"));
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = button.getAttribute("data-copied");
      });
    });
  });
})();
