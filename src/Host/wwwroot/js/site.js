// Progressive enhancement only: every page works without this file.
// After a failed post the error summary has the focus (it is rendered with autofocus); focusing it again once the
// page has loaded keeps it there even when the address has a fragment (e.g. #main-content) that would take it.
(function () {
  function focusSummary() {
    var summary = document.querySelector("[data-module='error-summary']");
    if (summary && document.activeElement !== summary) {
      summary.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", focusSummary);
  window.addEventListener("load", focusSummary);
})();
