// Review screen: approve/save without reloading, one-click memory matches, keyboard moves.
(function () {
  "use strict";
  var root = document.getElementById("translation-review");
  if (!root) return;
  // The tag editors (tag_editor.js) stand in for the textareas when scripts run.
  var areas = function () {
    var editors = root.querySelectorAll(".review-text-editor");
    return Array.prototype.slice.call(editors.length ? editors : root.querySelectorAll(".review-text"));
  };

  root.addEventListener("click", function (event) {
    var use = event.target.closest(".memory-use");
    if (use) {
      var area = use.closest("form").querySelector(".review-text");
      area.value = use.dataset.text;
      area.dispatchEvent(new Event("chm:refresh"));
      (use.closest("form").querySelector(".review-text-editor") || area).focus();
    }
  });

  function submit(form, approve) {
    var data = new FormData(form);
    if (approve) data.append("approve", "1");
    return fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) {
        var item = form.closest(".review-segment");
        var label = form.querySelector(".state-label");
        if (!response.ok) { label.textContent = body.error; item.classList.add("has-error"); return; }
        item.classList.remove("state-machine", "state-stale", "state-reviewed", "has-error");
        item.classList.add("state-" + body.state);
        item.dataset.state = body.state;
        label.textContent = body.state_label;
        document.getElementById("review-counter").textContent = body.counter;
        item.querySelector(".review-issues").innerHTML = body.issues_html;
        if (body.state === "reviewed") {
          item.querySelectorAll(".demo-model-label").forEach(function (note) { note.remove(); });
        }
        var publish = document.getElementById("review-publish");
        if (publish) publish.outerHTML = body.publish_html;
      });
    });
  }

  root.addEventListener("submit", function (event) {
    var form = event.target.closest(".review-form");
    if (!form || !window.fetch) return;
    event.preventDefault();
    var approve = event.submitter ? event.submitter.name === "approve" : true;
    submit(form, approve);
  });

  root.addEventListener("keydown", function (event) {
    var list = areas();
    var index = list.indexOf(document.activeElement);
    if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      var next = list[Math.max(0, Math.min(list.length - 1, index + (event.key === "ArrowDown" ? 1 : -1)))];
      if (next) { next.focus(); next.scrollIntoView({ block: "center" }); }
    } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && index >= 0) {
      event.preventDefault();
      var form = list[index].closest("form");
      if (form.querySelector(".review-approve")) {
        submit(form, true).then(function () { if (list[index + 1]) list[index + 1].focus(); });
      }
    }
  });
})();
