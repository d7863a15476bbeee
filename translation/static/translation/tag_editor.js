// Inline tags as tokens: each segment's textarea becomes an editable box in which markup
// (<b>, <a id="a1">, <br/>) shows as numbered chips that cannot be typed into or split,
// only moved (drag, or cut and paste) or deleted. The textarea stays the form field and
// is kept in step; the server refuses a text whose tags are missing or unbalanced.
// Tokens are left-to-right islands (unicode-bidi: isolate), so Arabic text around them
// keeps its order.
(function () {
  "use strict";
  var TAG = /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*?)?\s*\/?>/g;
  var VOID = { br: true, hr: true, img: true, wbr: true };

  function info(text) {
    var name = (/^<\/?\s*([A-Za-z][\w:-]*)/.exec(text) || [, ""])[1].toLowerCase();
    var closing = text.charAt(1) === "/";
    var isVoid = !closing && (/\/>$/.test(text) || VOID[name] === true);
    return { name: name, closing: closing, isVoid: isVoid };
  }

  // Same rule as translation/inline_tags.py: openings numbered in order, a closing tag
  // takes its opening's number; keyed by the tag text and its occurrence.
  function numbering(html) {
    var numbers = {}, seen = {}, stack = [], counter = 0, match;
    TAG.lastIndex = 0;
    while ((match = TAG.exec(html))) {
      var text = match[0], tag = info(text);
      seen[text] = (seen[text] || 0) + 1;
      var key = text + "#" + seen[text];
      if (tag.closing) { numbers[key] = stack.length ? stack.pop() : "?"; continue; }
      counter += 1;
      numbers[key] = counter;
      if (!tag.isVoid) stack.push(counter);
    }
    return numbers;
  }

  function decode(text) {
    var box = document.createElement("textarea");
    box.innerHTML = text;
    return box.value;
  }

  function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00a0/g, "&nbsp;");
  }

  function token(text, number, editable) {
    var tag = info(text);
    var chip = document.createElement("span");
    chip.className = "tag-token " + (tag.closing ? "tag-close" : tag.isVoid ? "tag-void" : "tag-open");
    chip.dataset.tag = text;
    chip.dir = "ltr";
    chip.contentEditable = "false";
    chip.textContent = tag.closing ? "/" + number : tag.isVoid ? number + "/" : String(number);
    chip.title = text;
    chip.setAttribute("aria-label", text);
    if (editable) chip.draggable = true;
    if (number === "?") chip.classList.add("tag-unknown");
    return chip;
  }

  function render(box, html, numbers, editable) {
    box.textContent = "";
    var seen = {}, cursor = 0, match;
    TAG.lastIndex = 0;
    while ((match = TAG.exec(html))) {
      if (match.index > cursor) box.appendChild(document.createTextNode(decode(html.slice(cursor, match.index))));
      seen[match[0]] = (seen[match[0]] || 0) + 1;
      var number = numbers[match[0] + "#" + seen[match[0]]];
      box.appendChild(token(match[0], number === undefined ? "?" : number, editable));
      cursor = match.index + match[0].length;
    }
    if (cursor < html.length) box.appendChild(document.createTextNode(decode(html.slice(cursor))));
  }

  function serialise(node) {
    var out = "";
    node.childNodes.forEach(function (child) {
      if (child.nodeType === Node.TEXT_NODE) out += escapeText(child.textContent);
      else if (child.dataset && child.dataset.tag) out += child.dataset.tag;
      else if (child.nodeType === Node.ELEMENT_NODE && child.tagName !== "BR") out += serialise(child);
    });
    return out;
  }

  function tokeniseSource(item, numbers) {
    var holder = item.querySelector(".review-source-text");
    if (!holder) return;
    var walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
    var nodes = [], node, seen = {};
    while ((node = walker.nextNode())) nodes.push(node);
    nodes.forEach(function (text) {
      var value = text.textContent, cursor = 0, match, parts = [];
      TAG.lastIndex = 0;
      while ((match = TAG.exec(value))) {
        if (match.index > cursor) parts.push(document.createTextNode(value.slice(cursor, match.index)));
        seen[match[0]] = (seen[match[0]] || 0) + 1;
        var chip = token(match[0], numbers[match[0] + "#" + seen[match[0]]] || "?", false);
        chip.classList.add("tag-source");
        chip.tabIndex = 0;
        chip.setAttribute("role", "button");
        parts.push(chip);
        cursor = match.index + match[0].length;
      }
      if (!parts.length) return;
      if (cursor < value.length) parts.push(document.createTextNode(value.slice(cursor)));
      parts.forEach(function (part) { text.parentNode.insertBefore(part, text); });
      text.parentNode.removeChild(text);
    });
  }

  function insertAtCaret(box, chip) {
    var selection = window.getSelection();
    box.focus();
    if (!selection.rangeCount || !box.contains(selection.anchorNode)) {
      box.appendChild(chip);
    } else {
      var range = selection.getRangeAt(0);
      range.deleteContents();
      range.insertNode(chip);
      range.setStartAfter(chip);
      range.collapse(true);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function setup(item) {
    var area = item.querySelector(".review-text");
    var numbers = numbering(item.dataset.source || "");
    tokeniseSource(item, numbers);
    if (!area) return;
    var box = document.createElement("div");
    box.className = "tag-editor review-text-editor";
    box.contentEditable = "true";
    box.setAttribute("role", "textbox");
    box.setAttribute("aria-multiline", "false");
    box.setAttribute("aria-labelledby", area.id + "-label");
    box.lang = area.lang;
    box.dir = area.dir;
    box.dataset.for = area.id;
    render(box, area.value, numbers, true);
    area.parentNode.insertBefore(box, area);
    area.hidden = true;
    box.addEventListener("input", function () { area.value = serialise(box); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) event.preventDefault();
    });
    // Cut, copy and paste carry tags as their text, so a token cut here and pasted
    // elsewhere comes back as the same token (this is how tokens move by keyboard).
    function selected() {
      var selection = window.getSelection();
      if (!selection.rangeCount) return "";
      var holder = document.createElement("div");
      holder.appendChild(selection.getRangeAt(0).cloneContents());
      return serialise(holder);
    }
    box.addEventListener("copy", function (event) {
      event.preventDefault();
      event.clipboardData.setData("text/plain", selected());
    });
    box.addEventListener("cut", function (event) {
      event.preventDefault();
      event.clipboardData.setData("text/plain", selected());
      window.getSelection().deleteFromDocument();
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    box.addEventListener("paste", function (event) {
      event.preventDefault();
      var text = (event.clipboardData || window.clipboardData).getData("text/plain");
      var holder = document.createElement("div");
      render(holder, text.replace(/\s*\n\s*/g, " "), numbers, true);
      var selection = window.getSelection();
      if (!selection.rangeCount) return;
      var range = selection.getRangeAt(0);
      range.deleteContents();
      var last = holder.lastChild;
      var fragment = document.createDocumentFragment();
      while (holder.firstChild) fragment.appendChild(holder.firstChild);
      range.insertNode(fragment);
      if (last) { range.setStartAfter(last); range.collapse(true); selection.removeAllRanges(); selection.addRange(range); }
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    // A tag deleted by mistake comes back from the source: click its chip there.
    item.addEventListener("click", function (event) {
      var chip = event.target.closest(".tag-source");
      if (chip) insertAtCaret(box, token(chip.dataset.tag, chip.textContent.replace(/\//g, ""), true));
    });
    item.addEventListener("keydown", function (event) {
      var chip = event.target.closest(".tag-source");
      if (chip && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); chip.click(); }
    });
    area.addEventListener("chm:refresh", function () { render(box, area.value, numbers, true); });
  }

  window.chmTagEditor = { setup: setup };
  document.querySelectorAll(".review-segment").forEach(setup);
})();
