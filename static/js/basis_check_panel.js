// "Kiểm tra căn cứ" side panel: recheck the unsaved draft when the preview
// refreshes or on request, and open the panel when a submission was refused.
(function () {
  "use strict";
  if (window.basisCheckPanelLoaded) return;
  window.basisCheckPanelLoaded = true;

  function panel() {
    return document.querySelector("[data-basis-check-panel]");
  }

  function refresh() {
    var root = panel();
    var form = document.getElementById("page-edit-form");
    if (!root || !form || !root.dataset.refreshUrl) return;
    var data = new FormData(form);
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    fetch(root.dataset.refreshUrl, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: token ? { "X-CSRFToken": token.value } : {},
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        var content = root.querySelector("[data-basis-check-content]");
        if (html !== null && content) content.innerHTML = html;
      })
      .catch(function () {});
  }

  function openIfBlocked() {
    var root = panel();
    if (!root || root.dataset.blocked !== "true") return;
    var toggle = document.querySelector('[data-side-panel-toggle="basis-check"]');
    if (toggle && toggle.getAttribute("aria-expanded") !== "true") toggle.click();
  }

  document.addEventListener("w-preview:loaded", refresh);
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-basis-check-refresh]")) refresh();
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", openIfBlocked);
  } else {
    openIfBlocked();
  }
})();
