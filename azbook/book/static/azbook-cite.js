/* Copy buttons of the "Cite this chapter/book" blocks (azbook/sphinx_citation.py). No dependencies. */
(function () {
  "use strict";

  function copyWithSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return copyWithSelection(text); });
    }
    return copyWithSelection(text);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".azbook-cite-copy") : null;
    if (!button) { return; }
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) { return; }
    var block = button.closest(".azbook-cite");
    var status = block ? block.querySelector(".azbook-cite-status") : null;
    var label = button.getAttribute("aria-label").replace(/^Copy the /, "");
    copy(source.textContent.trim()).then(function () {
      button.textContent = "Copied";
      if (status) { status.textContent = label + " copied to the clipboard."; }
    }, function () {
      var range = document.createRange();
      range.selectNodeContents(source);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      if (status) { status.textContent = "Copying was refused: the text is selected, press Ctrl+C."; }
    }).then(function () {
      window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
    });
  });
})();
