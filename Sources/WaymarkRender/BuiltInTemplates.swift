// Generated from Templates/ by scripts/embed-resources.py. Do not edit: edit Templates/ and run the script
// (`make test` fails while the two differ).

/// The default templates, stylesheet and package resources, compiled in so an installed binary needs no
/// files beside it. Keys are paths relative to Templates/.
enum BuiltInTemplates {
    static let files: [String: String] = [
        "assets/waymark.css": #"""
/* Waymark guides: readable on screen, clean on paper. One stylesheet for every guide and the dashboard. */
:root {
  --wm-text: #1d2330;
  --wm-muted: #5a6375;
  --wm-accent: #0b5cad;
  --wm-highlight: #e4572e;
  --wm-surface: #f5f7fa;
  --wm-border: #d5dae3;
  --wm-background: #fff;
  --wm-good: #1e6b2a;
  --wm-warn: #a4301a;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --wm-text: #e6e9ef;
    --wm-muted: #aab3c3;
    --wm-accent: #8cc2ff;
    --wm-highlight: #ff8a65;
    --wm-surface: #1f242d;
    --wm-border: #3b4252;
    --wm-background: #14171c;
    --wm-good: #8fd69a;
    --wm-warn: #ffab91;
  }
}
* { box-sizing: border-box; }
html { font-size: 100%; }
body {
  margin: 0 auto;
  max-width: 46rem;
  padding: 1.5rem 1.25rem 3rem;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  line-height: 1.6;
  color: var(--wm-text);
  background: var(--wm-background);
}
h1, h2, h3 { line-height: 1.25; }
main { overflow-wrap: anywhere; }
h1 { font-size: 2rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.35rem; margin-top: 2.25rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--wm-border); }
a { color: var(--wm-accent); }
a:focus-visible, main:focus-visible { outline: 3px solid var(--wm-highlight); outline-offset: 2px; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em;
  background: var(--wm-surface); padding: 0.1em 0.3em; border-radius: 3px; }
ol > li { margin: 0.35rem 0; }
blockquote { margin: 0.75rem 0; padding: 0.5rem 1rem; border-left: 4px solid var(--wm-accent);
  background: var(--wm-surface); }
blockquote p { margin: 0; }
.wm-skip { position: absolute; left: -999px; top: 0.5rem; background: var(--wm-background); padding: 0.5rem 1rem; z-index: 10; }
.wm-skip:focus { left: 0.5rem; }
.wm-kicker { color: var(--wm-muted); margin: 0; font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.04em; }
.wm-header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
.wm-back { margin: 0; font-size: 0.9rem; }
.wm-nav { margin: 1rem 0; padding: 0.75rem 1rem; background: var(--wm-surface); border-radius: 6px; }
.wm-nav-title { font-size: 1rem; font-weight: 700; margin: 0 0 0.25rem; }
.wm-nav ol { margin: 0; padding-left: 1.25rem; }
.wm-shot { margin: 0.75rem 0 1rem; }
.wm-shot-frame { position: relative; display: inline-block; max-width: 100%; line-height: 0;
  border: 1px solid var(--wm-border); border-radius: 4px; }
.wm-shot-frame img { display: block; max-width: 100%; height: auto; }
.wm-highlight { position: absolute; border: 3px solid var(--wm-highlight); border-radius: 4px;
  box-shadow: 0 0 0 2px rgba(255, 255, 255, 0.8); pointer-events: none; }
.wm-shot figcaption { font-size: 0.85rem; color: var(--wm-muted); margin-top: 0.25rem; line-height: 1.4; }
.wm-footer { margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--wm-border); color: var(--wm-muted);
  font-size: 0.9rem; }
.wm-table-wrap { overflow-x: auto; }
.wm-dashboard { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
.wm-dashboard caption { text-align: left; color: var(--wm-muted); padding-bottom: 0.5rem; }
.wm-dashboard th, .wm-dashboard td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--wm-border);
  vertical-align: top; }
.wm-dashboard thead th { background: var(--wm-surface); }
.wm-num { text-align: right !important; white-space: nowrap; }
.wm-status { display: inline-block; padding: 0 0.5rem; border-radius: 999px; background: var(--wm-surface);
  border: 1px solid var(--wm-border); font-size: 0.85rem; }
.wm-status-fresh, .wm-status-new { border-color: #2e7d32; }
.wm-status-stale, .wm-status-edited, .wm-status-overdue, .wm-status-missing { border-color: var(--wm-highlight); }
.wm-aside { font-weight: normal; font-size: 0.85rem; }
.wm-source { font-size: 0.85rem; color: var(--wm-muted); word-break: break-all; }
.wm-model { color: var(--wm-muted); font-size: 0.85rem; }
body.wm-index { max-width: 100rem; }
@media (max-width: 40rem) { body { padding: 1rem; } h1 { font-size: 1.6rem; } }
/* Step navigation: anchors, "Link" to a step, a contents box that stays in view on wide screens. */
.wm-step { scroll-margin-top: 1rem; }
.wm-step-link { float: right; margin-left: 0.75rem; font-size: 0.85rem; }
.wm-nav-steps-title { margin: 0.5rem 0 0.25rem; font-size: 0.9rem; color: var(--wm-muted); }
.wm-nav ol.wm-nav-steps { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem; }
.wm-nav-steps li { margin: 0; }
.wm-nav-steps a { display: inline-block; min-width: 2rem; padding: 0.1rem 0.3rem; text-align: center;
  border: 1px solid var(--wm-border); border-radius: 4px; text-decoration: none; background: var(--wm-background); }
.wm-shot-link { display: inline-block; max-width: 100%; cursor: zoom-in; }
.wm-announce:empty { display: none; }
.wm-announce { position: fixed; bottom: 1rem; right: 1rem; margin: 0; padding: 0.5rem 1rem; border-radius: 6px;
  background: var(--wm-text); color: var(--wm-background); }
.wm-viewer { max-width: 96vw; max-height: 96vh; padding: 0.75rem; border: 1px solid var(--wm-border);
  background: var(--wm-background); color: var(--wm-text); }
.wm-viewer::backdrop { background: rgba(0, 0, 0, 0.75); }
.wm-viewer .wm-shot-frame img { max-width: none; height: auto; }
.wm-viewer-close { display: block; margin: 0 0 0.5rem auto; font: inherit; padding: 0.2rem 0.8rem; }
@media (min-width: 72rem) {
  body.wm-guide { max-width: 72rem; display: grid; grid-template-columns: 14rem minmax(0, 46rem); column-gap: 3rem;
    grid-template-areas: "header header" "nav main" "nav footer"; justify-content: center; }
  .wm-guide > .wm-header { grid-area: header; }
  .wm-guide > main { grid-area: main; }
  .wm-guide > .wm-footer { grid-area: footer; }
  .wm-guide > .wm-nav { grid-area: nav; position: sticky; top: 1rem; align-self: start; margin-top: 1.5rem;
    max-height: calc(100vh - 2rem); overflow-y: auto; }
}
@media print {
  :root { --wm-text: #000; --wm-muted: #333; --wm-accent: #000; --wm-surface: #f2f2f2; --wm-border: #999;
    --wm-background: #fff; --wm-highlight: #d1400f; }
  body, body.wm-guide { display: block; max-width: none; padding: 0; font-size: 11pt; color: #000; background: #fff; }
  .wm-skip, .wm-nav, .wm-back, .wm-step-link, .wm-announce, .wm-viewer { display: none !important; }
  a { color: inherit; text-decoration: none; }
  .wm-shot, li { break-inside: avoid; }
  li.wm-step { break-inside: avoid; page-break-inside: avoid; padding-top: 0.25rem; }
  .wm-shot-frame { border-color: #999; }
  .wm-shot-frame img { max-height: 9cm; width: auto; }
  .wm-highlight { box-shadow: none; }
  h2 { break-after: avoid; }
}
/* Job aid: a checklist with boxes to tick, one printed page for up to 20 steps. */
.wm-job-aid h1 { font-size: 1.6rem; }
.wm-job-aid main > ul { list-style: none; padding-left: 0; }
.wm-check { position: relative; padding-left: 1.75rem; }
.wm-box { position: absolute; left: 0; top: 0.3em; width: 1em; height: 1em; border: 2px solid var(--wm-text);
  border-radius: 2px; }
.wm-check ul { padding-left: 1rem; font-size: 0.9em; color: var(--wm-muted); }
@media print {
  @page { margin: 1.2cm; }
  body.wm-job-aid { font-size: 10.5pt; line-height: 1.35; }
  .wm-job-aid .wm-header, .wm-job-aid .wm-skip { display: none; }
  .wm-job-aid h1 { font-size: 14pt; margin: 0 0 0.4rem; }
  .wm-job-aid p { margin: 0.35rem 0 0.15rem; }
  .wm-job-aid main > ul { margin: 0; }
  .wm-job-aid li { margin: 0.1rem 0; }
  .wm-job-aid .wm-check ul { margin: 0; }
}
/* Dashboard: counts, filters, sortable columns, badges that read without colour. */
.wm-counts { display: flex; flex-wrap: wrap; gap: 0.5rem 3rem; }
.wm-counts h2 { font-size: 1rem; margin: 0.5rem 0 0.25rem; border: 0; }
.wm-counts ul { list-style: none; margin: 0; padding: 0; }
.wm-count { font-weight: 600; font-variant-numeric: tabular-nums; }
.wm-filters { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.5rem 0 1rem; }
.wm-filters[hidden] { display: none; }
.wm-filters select, .wm-filters input { font: inherit; max-width: 100%; }
.wm-filters label { max-width: 100%; }
.wm-sort { font: inherit; font-weight: 700; color: inherit; background: none; border: 0; padding: 0; cursor: pointer;
  text-align: inherit; }
.wm-sort::after { content: " ↕"; color: var(--wm-muted); }
[aria-sort="ascending"] .wm-sort::after { content: " ↑"; }
[aria-sort="descending"] .wm-sort::after { content: " ↓"; }
.wm-sort:focus-visible { outline: 3px solid var(--wm-highlight); outline-offset: 2px; }
.wm-materials { list-style: none; margin: 0.25rem 0 0; padding: 0; font-weight: normal; font-size: 0.85rem; }
.wm-materials li { display: inline-block; margin: 0 0.2rem 0 0; white-space: nowrap; }
.wm-dashboard th[scope="row"] { min-width: 15rem; }
.wm-dashboard td[data-sort] { white-space: nowrap; }
.wm-materials { max-width: 19rem; }
.wm-materials li + li::before { content: " · "; color: var(--wm-muted); }
.wm-status { white-space: nowrap; font-weight: 600; }
.wm-status-fresh, .wm-status-new { color: var(--wm-good); border-color: var(--wm-good); }
.wm-status-stale, .wm-status-edited, .wm-status-overdue, .wm-status-missing, .wm-status-orphaned { color: var(--wm-warn);
  border-color: var(--wm-warn); border-style: dashed; }
.wm-finding { margin: 0.25rem 0 0; font-size: 0.85rem; color: var(--wm-muted); min-width: 11rem; }
.wm-check-findings { margin: 0.25rem 0 0; padding-left: 1.1rem; font-size: 0.85rem; min-width: 11rem; }
.wm-last-check { font-size: 0.9rem; color: var(--wm-muted); }
.wm-dashboard tr[hidden] { display: none; }
.wm-filter-result:empty { display: none; }
.wm-dashboard { overflow-wrap: normal; }
/* Narrow screens: each guide is a card, every value labelled; sorting needs the wide table. */
@media screen and (max-width: 40rem) {
  .wm-dashboard, .wm-dashboard tbody, .wm-dashboard tr, .wm-dashboard th, .wm-dashboard td,
  .wm-dashboard caption { display: block; width: auto; }
  .wm-dashboard thead { display: none; }
  .wm-dashboard tr { border: 1px solid var(--wm-border); border-radius: 6px; margin: 0 0 0.75rem; padding: 0.25rem 0; }
  .wm-dashboard tr[hidden] { display: none; }
  .wm-dashboard th, .wm-dashboard td { border: 0; padding: 0.15rem 0.75rem; }
  .wm-dashboard th[scope="row"] { min-width: 0; }
  .wm-dashboard td[data-label]::before { content: attr(data-label) ": "; color: var(--wm-muted); font-weight: 600; }
  .wm-num { text-align: left !important; }
  .wm-finding { min-width: 0; }
}

"""#,
        "guide.html.mustache": #"""
<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{generator}}">
<title>{{title}}</title>
{{#stylesheetHref}}
<link rel="stylesheet" href="{{stylesheetHref}}">
{{/stylesheetHref}}
{{#inlineStylesheet}}
<style>
{{{inlineStylesheet}}}
</style>
{{/inlineStylesheet}}
</head>
<body class="wm-guide">
<a class="wm-skip" href="#main">Skip to the guide</a>
<header class="wm-header">
<p class="wm-kicker">{{#application}}{{application}} · {{/application}}Step-by-step guide</p>
{{#dashboardHref}}
<p class="wm-back"><a href="{{dashboardHref}}">All guides</a></p>
{{/dashboardHref}}
</header>
{{#hasNav}}
<nav class="wm-nav" aria-label="Contents">
<p class="wm-nav-title">Contents</p>
{{#hasSections}}
<ol class="wm-nav-sections">
{{#nav}}
<li><a href="#{{id}}">{{text}}</a></li>
{{/nav}}
</ol>
{{/hasSections}}
<p class="wm-nav-steps-title">Go to step</p>
<ol class="wm-nav-steps">
{{#stepLinks}}
<li><a href="#step-{{number}}" aria-label="Step {{number}}">{{number}}</a></li>
{{/stepLinks}}
</ol>
</nav>
{{/hasNav}}
<main id="main" tabindex="-1">
{{{body}}}
</main>
<footer class="wm-footer">
{{{footer}}}
</footer>
<p class="wm-announce" role="status" aria-live="polite"></p>
<script>
/* Progressive enhancement: everything above works without it. "Link" copies the step's address; a screenshot
   opens in a viewer on the page instead of on its own. */
(function () {
  var status = document.querySelector(".wm-announce");
  var timer = null;
  function say(text) {
    if (!status) { return; }
    status.textContent = text;
    clearTimeout(timer);
    timer = setTimeout(function () { status.textContent = ""; }, 4000);
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.wm-step-link");
    if (!link || !navigator.clipboard || !window.URL) { return; }
    var address = new URL(link.getAttribute("href"), location.href).href;
    navigator.clipboard.writeText(address).then(function () {
      say("Link to " + link.getAttribute("aria-label").replace(/^Link to /, "") + " copied.");
    }, function () { say(""); });
  });
  if (typeof HTMLDialogElement !== "function") { return; }
  var viewer = document.createElement("dialog");
  viewer.className = "wm-viewer";
  viewer.setAttribute("aria-label", "Screenshot");
  var close = document.createElement("button");
  close.type = "button";
  close.className = "wm-viewer-close";
  close.textContent = "Close";
  close.addEventListener("click", function () { viewer.close(); });
  viewer.addEventListener("click", function (event) { if (event.target === viewer) { viewer.close(); } });
  document.body.appendChild(viewer);
  document.querySelectorAll("a.wm-shot-link").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
      event.preventDefault();
      var frame = link.querySelector(".wm-shot-frame").cloneNode(true);
      var img = frame.querySelector("img");
      var scale = Math.min((innerWidth * 0.96 - 32) / img.naturalWidth, (innerHeight * 0.96 - 72) / img.naturalHeight);
      if (scale > 0) { img.style.width = Math.floor(img.naturalWidth * scale) + "px"; }
      viewer.replaceChildren(close, frame);
      viewer.showModal();
      close.focus();
    });
  });
})();
</script>
</body>
</html>

"""#,
        "guide.md.mustache": #"""
{{% CONTENT_TYPE: TEXT }}
---
{{frontMatter}}
---

# {{title}}

{{#purpose}}
**Why this matters.** {{purpose}}

{{/purpose}}
{{#audience}}
**Who it's for.** {{audience}}

{{/audience}}
{{#hasObjectives}}
**After this guide you can**

{{#objectives}}
- {{.}}
{{/objectives}}

{{/hasObjectives}}
{{#hasPrerequisites}}
**Before you start**

{{#prerequisites}}
- {{.}}
{{/prerequisites}}

{{/hasPrerequisites}}
{{#sections}}
{{#heading}}
## {{heading}}

{{/heading}}
{{#steps}}
{{number}}. {{instruction}}
{{#image}}

{{indent}}![{{alt}}]({{path}})
{{/image}}
{{#notes}}

{{indent}}> **Note.** {{.}}
{{/notes}}
{{#hasExtras}}

{{/hasExtras}}
{{/steps}}

{{/sections}}
{{#quiz}}
## Check your understanding

{{#questions}}
{{number}}. {{prompt}}
{{#options}}
{{indent}}- {{letter}}) {{text}}
{{/options}}

{{/questions}}
**Answers:** {{answers}}

{{/quiz}}
---

{{footer}}

"""#,
        "index.html.mustache": #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{generator}}">
<title>Training materials</title>
<link rel="stylesheet" href="assets/waymark.css">
</head>
<body class="wm-index">
<a class="wm-skip" href="#main">Skip to the list of guides</a>
<header class="wm-header">
<p class="wm-kicker">Waymark dashboard</p>
</header>
<main id="main" tabindex="-1">
<h1>Training materials</h1>
<p>{{summary}}</p>
<p class="wm-last-check" role="status">Status as of the last build; run <code>waymark check</code> to see its findings here.</p>
<div class="wm-counts">
<section aria-labelledby="wm-by-status">
<h2 id="wm-by-status">By status</h2>
<ul>
{{#statusCounts}}
<li><span class="wm-status-icon" aria-hidden="true">{{icon}}</span> <span class="wm-count-name">{{name}}</span> <span class="wm-count">{{count}}</span></li>
{{/statusCounts}}
</ul>
</section>
<section aria-labelledby="wm-by-owner">
<h2 id="wm-by-owner">By owner</h2>
<ul>
{{#ownerCounts}}
<li><span class="wm-count-name">{{name}}</span> <span class="wm-count">{{count}}</span></li>
{{/ownerCounts}}
</ul>
</section>
</div>
<h2 id="wm-guides">Guides</h2>
<div class="wm-filters" hidden></div>
<div class="wm-table-wrap">
<table class="wm-dashboard" aria-labelledby="wm-guides">
<caption>Every guide built from the captures, with its materials, owner, review date, status and what the last check found.</caption>
<thead>
<tr><th scope="col">Guide</th><th scope="col">Application</th><th scope="col" class="wm-num">Steps</th><th scope="col" class="wm-num">Reading</th><th scope="col" class="wm-num">Narration</th><th scope="col">Owner</th><th scope="col">Review by</th><th scope="col">Status</th><th scope="col">Capture</th></tr>
</thead>
<tbody>
{{#guides}}
<tr data-id="{{id}}" data-status="{{plainStatus}}" data-owner="{{plainOwner}}" data-application="{{plainApplication}}"><th scope="row"><a href="{{htmlLink}}">{{plainTitle}}</a>{{#hasMaterials}}<ul class="wm-materials">{{#materials}}<li><a href="{{href}}">{{label}}</a></li>{{/materials}}</ul>{{/hasMaterials}}</th><td data-label="Application">{{plainApplication}}</td><td class="wm-num" data-label="Steps">{{steps}}</td><td class="wm-num" data-label="Reading" data-sort="{{readingSort}}">{{reading}}</td><td class="wm-num" data-label="Narration" data-sort="{{narrationSort}}">{{narration}}</td><td data-label="Owner">{{plainOwner}}</td><td data-label="Review by" data-sort="{{reviewSort}}">{{reviewBy}}</td><td data-label="Status"><span class="wm-status wm-status-{{statusClass}}"><span class="wm-status-icon" aria-hidden="true">{{statusIcon}}</span> {{plainStatus}}</span>{{#finding}}<p class="wm-finding">{{finding}}</p>{{/finding}}</td><td class="wm-source" data-label="Capture">{{plainSource}}</td></tr>
{{/guides}}
</tbody>
</table>
</div>
<p class="wm-filter-result" role="status" aria-live="polite"></p>
<p class="wm-model">{{model}}</p>
</main>
<footer class="wm-footer">
<p>Generated by {{generator}}.</p>
</footer>
<script src="last-check.js"></script>
<script>
/* The last `waymark check` (last-check.js): its status and findings replace the build-time status per guide. */
(function () {
  var last = window.waymarkLastCheck;
  var note = document.querySelector(".wm-last-check");
  if (!last || !note) { return; }
  var icons = { "fresh": "\u2713", "edited": "\u270E", "overdue": "\u26A0", "stale": "\u26A0", "missing": "\u2717",
    "orphaned": "\u2717", "untracked": "?", "outdated-template": "\u21BB" };
  var findings = {};
  (last.findings || []).forEach(function (finding) {
    (findings[finding.capture] = findings[finding.capture] || []).push(finding);
  });
  var checked = {};
  (last.materials || []).forEach(function (material) { checked[material.capture] = material.status; });
  Array.prototype.forEach.call(document.querySelectorAll("table.wm-dashboard tbody tr"), function (row) {
    var id = row.getAttribute("data-id");
    if (!(id in checked) && !findings[id]) { return; }
    var list = findings[id] || [];
    var status = list.length ? list[0].status : (checked[id] || "fresh");
    var cell = row.querySelector("td[data-label='Status']");
    if (!cell) { return; }
    cell.textContent = "";
    var badge = document.createElement("span");
    badge.className = "wm-status wm-status-" + status.replace(/[^a-z]/g, "");
    var icon = document.createElement("span");
    icon.className = "wm-status-icon";
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = icons[status] || "\u2022";
    badge.appendChild(icon);
    badge.appendChild(document.createTextNode(" " + status));
    cell.appendChild(badge);
    row.setAttribute("data-status", status);
    if (list.length) {
      var ul = document.createElement("ul");
      ul.className = "wm-check-findings";
      list.forEach(function (finding) {
        var item = document.createElement("li");
        item.textContent = finding.message + (finding.details ? " " + finding.details.join("; ") : "");
        ul.appendChild(item);
      });
      cell.appendChild(ul);
    }
  });
  note.textContent = "Last check " + last.date + ": " + ((last.summary && last.summary.text) || "") ;
})();
</script>
<script>
/* Progressive enhancement: the table above is complete without it. Adds filters (status, owner, application,
   text) and sortable columns; works from file:// with no server. */
(function () {
  var table = document.querySelector("table.wm-dashboard");
  var box = document.querySelector(".wm-filters");
  var result = document.querySelector(".wm-filter-result");
  if (!table || !box) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var filters = [["status", "Status"], ["owner", "Owner"], ["application", "Application"]];
  var selects = {};
  filters.forEach(function (filter, index) {
    var key = filter[0];
    var values = [];
    rows.forEach(function (row) {
      var value = row.getAttribute("data-" + key);
      if (values.indexOf(value) < 0) { values.push(value); }
    });
    values.sort();
    var label = document.createElement("label");
    label.textContent = filter[1] + " ";
    var select = document.createElement("select");
    select.id = "wm-filter-" + key;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "All";
    select.appendChild(all);
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
    select.addEventListener("change", apply);
    label.appendChild(select);
    box.appendChild(label);
    selects[key] = select;
  });
  var searchLabel = document.createElement("label");
  searchLabel.textContent = "Search ";
  var search = document.createElement("input");
  search.type = "search";
  search.id = "wm-filter-text";
  search.addEventListener("input", apply);
  searchLabel.appendChild(search);
  box.appendChild(searchLabel);
  box.hidden = false;

  function apply() {
    var text = search.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var visible = filters.every(function (filter) {
        var wanted = selects[filter[0]].value;
        return !wanted || row.getAttribute("data-" + filter[0]) === wanted;
      }) && (!text || row.textContent.toLowerCase().indexOf(text) >= 0);
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    result.textContent = shown === rows.length ? "" : "Showing " + shown + " of " + rows.length + " guides.";
  }

  function sortValue(row, index) {
    var cell = row.cells[index];
    var value = cell.getAttribute("data-sort") || cell.textContent.trim();
    return value;
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "wm-sort";
    button.textContent = header.textContent;
    header.textContent = "";
    header.appendChild(button);
    button.addEventListener("click", function () {
      var ascending = header.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var numeric = header.classList.contains("wm-num");
      var sorted = rows.slice().sort(function (a, b) {
        var x = sortValue(a, index), y = sortValue(b, index);
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
        return ascending ? order : -order;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
    });
  });
})();
</script>
</body>
</html>

"""#,
        "index.md.mustache": #"""
{{% CONTENT_TYPE: TEXT }}
# Training materials

{{summary}}

| Guide | Application | Steps | Reading | Narration | Owner | Review by | Status | Capture |
|---|---|--:|--:|--:|---|---|---|---|
{{#guides}}
| [{{title}}]({{markdownLink}}) ([job aid]({{jobAidLink}})) | {{application}} | {{steps}} | {{reading}} | {{narration}} | {{owner}} | {{reviewBy}} | {{status}} | {{source}} |
{{/guides}}

{{model}}

"""#,
        "job-aid.html.mustache": #"""
<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{{generator}}">
<title>Job aid: {{title}}</title>
{{#stylesheetHref}}
<link rel="stylesheet" href="{{stylesheetHref}}">
{{/stylesheetHref}}
{{#inlineStylesheet}}
<style>
{{{inlineStylesheet}}}
</style>
{{/inlineStylesheet}}
</head>
<body class="wm-job-aid">
<a class="wm-skip" href="#main">Skip to the checklist</a>
<header class="wm-header">
<p class="wm-kicker">{{#application}}{{application}} · {{/application}}Job aid</p>
{{#dashboardHref}}
<p class="wm-back"><a href="guide.html">Full guide</a> · <a href="{{dashboardHref}}">All guides</a></p>
{{/dashboardHref}}
</header>
<main id="main" tabindex="-1">
{{{body}}}
</main>
</body>
</html>

"""#,
        "job-aid.md.mustache": #"""
{{% CONTENT_TYPE: TEXT }}
---
{{frontMatter}}
---

# Job aid: {{title}}

{{#sections}}
{{#heading}}
**{{heading}}**

{{/heading}}
{{#steps}}
- [ ] {{instruction}}
{{#notes}}
  - {{.}}
{{/notes}}
{{/steps}}

{{/sections}}
{{#contact}}
Questions: {{contact}}
{{/contact}}

"""#,
    ]
}
