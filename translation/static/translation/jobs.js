// Live progress for the job list: polls while any job is queued or running.
(function () {
  "use strict";
  var root = document.getElementById("translation-jobs");
  if (!root) return;
  var url = root.dataset.progressUrl;
  function active() {
    return Array.prototype.filter.call(root.querySelectorAll("tr[data-job]"), function (row) {
      return row.dataset.status === "queued" || row.dataset.status === "running";
    });
  }
  function poll() {
    var rows = active();
    if (!rows.length) return;
    var query = rows.map(function (row) { return "id=" + row.dataset.job; }).join("&");
    fetch(url + "?" + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var reload = false;
        data.jobs.forEach(function (job) {
          var row = root.querySelector('tr[data-job="' + job.id + '"]');
          if (!row) return;
          row.dataset.status = job.status;
          row.querySelector(".translation-progress__bar").style.width = job.percent + "%";
          row.querySelector(".translation-progress").setAttribute("aria-valuenow", job.percent);
          row.querySelector(".job-percent").textContent = job.percent + " %";
          row.querySelector(".job-status").textContent = job.status_label;
          if (job.status !== "queued" && job.status !== "running") reload = true;
        });
        // A finished job gains review links and buttons: re-render it from the server.
        if (reload) window.location.reload();
        else window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
