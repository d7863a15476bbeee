// Suggests help articles while the requester types the subject (no build step).
(function () {
  var box = document.getElementById("help-suggestions");
  var subject = document.getElementById("id_subject");
  if (!box || !subject) return;
  var list = box.querySelector("ul");
  var timer = null;
  subject.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = subject.value.trim();
      if (q.length < 3) { box.hidden = true; return; }
      fetch(box.dataset.url + "?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          list.replaceChildren();
          data.results.forEach(function (item) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = item.url; a.textContent = item.title; a.target = "_blank"; a.rel = "noopener";
            li.appendChild(a);
            list.appendChild(li);
          });
          box.hidden = data.results.length === 0;
        })
        .catch(function () { box.hidden = true; });
    }, 300);
  });
})();
