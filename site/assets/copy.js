// Gives every command block a Copy button. Without scripts the block stays plain text, as
// selectable as ever; the button is only ever added by this script.
(function () {
  "use strict";

  // The clipboard API needs a secure page; from file:// the text is selected and copied the old way.
  function copy(code, button) {
    var done = function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy"; }, 2000);
    };
    var text = code.textContent;
    var selectIt = function () {
      var range = document.createRange();
      range.selectNodeContents(code);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return selection;
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, selectIt);
    } else {
      selectIt();
      if (document.execCommand && document.execCommand("copy")) done();
    }
  }

  function decorate() {
    var blocks = document.querySelectorAll("main pre > code");
    for (var i = 0; i < blocks.length; i++) {
      var code = blocks[i];
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      button.textContent = "Copy";
      button.setAttribute("aria-label", "Copy the command: " + code.textContent.slice(0, 60));
      button.addEventListener("click", copy.bind(null, code, button));
      code.parentNode.insertAdjacentElement("afterend", button);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", decorate);
  } else {
    decorate();
  }
})();
