/* Copy-to-clipboard for colour codes; works from file:// and without a network. */
(function () {
  /* "Copied" on the button is seen, not heard: a status region, there before anything is
     copied (one made at that moment is not announced), says it to screen readers too. */
  var status = document.createElement("div");
  status.className = "kg-visually-hidden";
  status.setAttribute("role", "status");
  document.body.appendChild(status);

  function copy(text, button) {
    var done = function () {
      var old = button.textContent;
      button.textContent = "Copied";
      status.textContent = "Copied " + text;
      setTimeout(function () { button.textContent = old; }, 1200);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, done);
    } else {
      var area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (e) { /* ignore */ }
      document.body.removeChild(area);
      done();
    }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (button) { copy(button.getAttribute("data-copy"), button); }
  });
})();
