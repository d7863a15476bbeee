// Suggests help articles while the requester types the subject (no build step).
// Each suggestion shows its title and summary; an English stand-in for an article not yet
// translated carries lang="en" and the server's note saying so.
(function () {
  var box = document.getElementById("help-suggestions");
  var subject = document.getElementById("id_subject");
  if (!box || !subject) return;
  var list = box.querySelector("ul");
  var timer = null;

  function suggestion(item) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = item.url; a.textContent = item.title; a.target = "_blank"; a.rel = "noopener";
    li.appendChild(a);
    if (item.fallback) {
      li.className = "fallback";
      a.lang = item.language; a.dir = "ltr"; a.hreflang = item.language;
      var note = document.createElement("span");
      note.className = "language-note"; note.textContent = item.note;
      li.appendChild(note);
    }
    if (item.summary) {
      var summary = document.createElement("p");
      summary.className = "summary"; summary.textContent = item.summary;
      if (item.fallback) { summary.lang = item.language; summary.dir = "ltr"; }
      li.appendChild(summary);
    }
    return li;
  }

  subject.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = subject.value.trim();
      if (q.length < 3) { box.hidden = true; return; }
      fetch(box.dataset.url + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          list.replaceChildren.apply(list, data.results.map(suggestion));
          box.hidden = data.results.length === 0;
        })
        .catch(function () { box.hidden = true; });
    }, 300);
  });
})();
