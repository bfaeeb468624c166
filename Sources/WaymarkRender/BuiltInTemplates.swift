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
  .wm-skip, .wm-nav, .wm-back, .wm-step-link, .wm-announce, .wm-viewer, .wm-screen-only { display: none !important; }
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
.wm-check-findings, .wm-replay-findings { margin: 0.25rem 0 0; padding-left: 1.1rem; font-size: 0.85rem; min-width: 11rem; }
.wm-last-check { font-size: 0.9rem; color: var(--wm-muted); }
.wm-verified { font-size: 0.9rem; min-width: 9rem; }
.wm-verified .wm-status { display: inline-block; }
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
<caption>Every guide built from the captures, with its materials, owner, review date, status, what the last check found and when it was last verified against the application.</caption>
<thead>
<tr><th scope="col">Guide</th><th scope="col">Application</th><th scope="col" class="wm-num">Steps</th><th scope="col" class="wm-num">Reading</th><th scope="col" class="wm-num">Narration</th><th scope="col">Owner</th><th scope="col">Review by</th><th scope="col">Status</th><th scope="col">Last verified</th><th scope="col">Capture</th></tr>
</thead>
<tbody>
{{#guides}}
<tr data-id="{{id}}" data-status="{{plainStatus}}" data-owner="{{plainOwner}}" data-application="{{plainApplication}}"><th scope="row"><a href="{{htmlLink}}">{{plainTitle}}</a>{{#hasMaterials}}<ul class="wm-materials">{{#materials}}<li><a href="{{href}}">{{label}}</a></li>{{/materials}}</ul>{{/hasMaterials}}</th><td data-label="Application">{{plainApplication}}</td><td class="wm-num" data-label="Steps">{{steps}}</td><td class="wm-num" data-label="Reading" data-sort="{{readingSort}}">{{reading}}</td><td class="wm-num" data-label="Narration" data-sort="{{narrationSort}}">{{narration}}</td><td data-label="Owner">{{plainOwner}}</td><td data-label="Review by" data-sort="{{reviewSort}}">{{reviewBy}}</td><td data-label="Status"><span class="wm-status wm-status-{{statusClass}}"><span class="wm-status-icon" aria-hidden="true">{{statusIcon}}</span> {{plainStatus}}</span>{{#finding}}<p class="wm-finding">{{finding}}</p>{{/finding}}</td><td class="wm-verified" data-label="Last verified" data-sort="">Not replayed</td><td class="wm-source" data-label="Capture">{{plainSource}}</td></tr>
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
<script src="last-replay.js"></script>
<script>
/* The last `waymark replay` (last-replay.js): when each guide was last replayed against the application, and what
   broke or drifted then. */
(function () {
  var last = window.waymarkLastReplay;
  if (!last || !last.captures) { return; }
  var entries = {};
  last.captures.forEach(function (entry) { entries[entry.capture] = entry; });
  Array.prototype.forEach.call(document.querySelectorAll("table.wm-dashboard tbody tr"), function (row) {
    var entry = entries[row.getAttribute("data-id")];
    var cell = row.querySelector("td[data-label='Last verified']");
    if (!entry || !cell) { return; }
    cell.textContent = "";
    cell.setAttribute("data-sort", entry.verified);
    var time = document.createElement("time");
    time.setAttribute("datetime", entry.verified);
    time.textContent = entry.verified.slice(0, 10);
    cell.appendChild(time);
    var counts = entry.counts || {};
    var parts = Object.keys(counts).sort().map(function (kind) { return counts[kind] + " " + kind; });
    var badge = document.createElement("span");
    badge.className = "wm-status wm-status-" + (entry.failed ? "stale" : "fresh");
    badge.textContent = parts.length ? parts.join(", ") : "every step works";
    cell.appendChild(document.createTextNode(" "));
    cell.appendChild(badge);
    if ((entry.findings || []).length) {
      var list = document.createElement("ul");
      list.className = "wm-replay-findings";
      entry.findings.forEach(function (finding) {
        var item = document.createElement("li");
        item.textContent = finding.message;
        list.appendChild(item);
      });
      cell.appendChild(list);
    }
  });
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
        "packages/cmi5/waymark-cmi5.js": #"""
/* Waymark cmi5 adapter: the guide as a cmi5 Assignable Unit.
   Launched by an LMS with endpoint, fetch, actor, registration and activityId in the query string, it fetches its
   auth token once, reads LMS.LaunchData from the State API and sends xAPI 1.0.3 statements in the order cmi5
   requires: initialized; completed once every step was seen; passed or failed for the knowledge check (each
   question also as an "answered" interaction); terminated when the learner finishes or leaves. Without those
   parameters it does nothing and the page is a plain guide with a working quiz. */
(function () {
  "use strict";

  var course = window.WaymarkCourse;
  if (!course) { return; }

  var query = new URLSearchParams(window.location.search);
  var endpoint = query.get("endpoint");
  var fetchURL = query.get("fetch");
  var actorText = query.get("actor");
  var registration = query.get("registration");
  var activityId = query.get("activityId");
  if (!endpoint || !fetchURL || !actorText || !registration || !activityId) { return; }

  course.hold();
  course.allowRetry = false;

  var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVE_ON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  var VERBS = "http://adlnet.gov/expapi/verbs/";
  var language = document.documentElement.getAttribute("lang") || "en";
  var title = document.title;

  if (endpoint.charAt(endpoint.length - 1) !== "/") { endpoint += "/"; }
  var actor = null;
  var token = null;
  var contextTemplate = {};
  var launchMode = "Normal";
  var returnURL = null;
  var masteryScaled = null;
  var initializedAt = 0;
  var connected = false;
  var terminated = false;
  var judged = false;
  var queue = Promise.resolve();

  function warn(text) {
    if (window.console) { console.warn("Waymark cmi5: " + text); }
  }

  function fail(text) {
    warn(text);
    course.status("Your progress could not be recorded by the learning system: " + text);
  }

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === "function") { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  /* ISO 8601 duration with hundredths of a second, as xAPI keeps it. */
  function duration() {
    var centiseconds = Math.max(0, Math.round((Date.now() - initializedAt) / 10));
    return "PT" + Math.floor(centiseconds / 100) + "." + String(100 + centiseconds % 100).slice(1) + "S";
  }

  function languageMap(text) {
    var map = {};
    map[language] = text;
    return map;
  }

  function xapiHeaders(json) {
    var headers = { "Authorization": "Basic " + token, "X-Experience-API-Version": "1.0.3" };
    if (json) { headers["Content-Type"] = "application/json"; }
    return headers;
  }

  function auObject() {
    return { objectType: "Activity", id: activityId, definition: { name: languageMap(title) } };
  }

  /* The LMS's contextTemplate (session id and all) under every statement, the registration, and for statements
     cmi5 defines its category (plus moveon for completed, passed and failed). */
  function context(categories, extensions) {
    var result = JSON.parse(JSON.stringify(contextTemplate || {}));
    result.registration = registration;
    if (categories.length > 0) {
      result.contextActivities = result.contextActivities || {};
      var list = result.contextActivities.category || [];
      if (!Array.isArray(list)) { list = [list]; }
      categories.forEach(function (id) {
        if (!list.some(function (activity) { return activity && activity.id === id; })) {
          list.push({ objectType: "Activity", id: id });
        }
      });
      result.contextActivities.category = list;
    }
    if (extensions) {
      result.extensions = result.extensions || {};
      Object.keys(extensions).forEach(function (key) { result.extensions[key] = extensions[key]; });
    }
    return result;
  }

  function statement(verb, object, result, categories, extensions) {
    var built = {
      id: uuid(),
      actor: actor,
      verb: { id: VERBS + verb, display: { "en-US": verb } },
      object: object,
      context: context(categories, extensions),
      timestamp: new Date().toISOString()
    };
    if (result) { built.result = result; }
    return built;
  }

  /* Statements go out one after the other, in the order they were made; none after terminated. */
  function send(built, keepalive) {
    queue = queue.then(function () {
      return fetch(endpoint + "statements", {
        method: "POST", headers: xapiHeaders(true), body: JSON.stringify(built), keepalive: !!keepalive
      }).then(function (response) {
        if (!response.ok) { fail("the learning record store refused a statement (HTTP " + response.status + ")."); }
      });
    }).catch(function (error) { fail(String(error && error.message || error)); });
    return queue;
  }

  function terminate(keepalive) {
    if (!connected || terminated) { return queue; }
    terminated = true;
    return send(statement("terminated", auObject(), { duration: duration() }, [CMI5]), keepalive);
  }

  course.on(function (type, detail) {
    if (!connected || terminated) { return; }
    var normal = launchMode === "Normal";
    if (type === "completed" && normal) {
      send(statement("completed", auObject(), { completion: true, duration: duration() }, [CMI5, MOVE_ON]));
    } else if (type === "answered") {
      var interaction = {
        objectType: "Activity",
        id: activityId + "/step-" + detail.step + "/question-" + detail.question,
        definition: {
          type: "http://adlnet.gov/expapi/activities/cmi.interaction",
          name: languageMap("Question " + detail.question + " (step " + detail.step + ")"),
          description: languageMap(detail.prompt),
          interactionType: "choice",
          correctResponsesPattern: [detail.correct],
          choices: detail.choices.map(function (choice) {
            return { id: choice.id, description: languageMap(choice.text) };
          })
        }
      };
      var answered = statement("answered", interaction, { success: detail.success, response: detail.response }, []);
      answered.context.contextActivities = answered.context.contextActivities || {};
      answered.context.contextActivities.parent = [{ objectType: "Activity", id: activityId }];
      send(answered);
    } else if (type === "scored" && normal && !judged) {
      judged = true;
      var scaled = Math.round(detail.scaled * 10000) / 10000;
      var mastery = masteryScaled !== null ? masteryScaled : detail.masteryScore / 100;
      var passed = scaled >= mastery;
      var extensions = {};
      extensions[MASTERY] = mastery;
      send(statement(passed ? "passed" : "failed", auObject(), {
        score: { scaled: scaled, raw: detail.correct, min: 0, max: detail.total },
        success: passed,
        duration: duration()
      }, [CMI5, MOVE_ON], extensions));
    }
  });

  var finishButton = course.finishButton();
  if (finishButton) {
    finishButton.addEventListener("click", function () {
      finishButton.disabled = true;
      terminate(false).then(function () {
        course.status("Your progress is saved. You can close this window.");
        if (returnURL) { window.location.assign(returnURL); }
      });
    });
  }
  window.addEventListener("pagehide", function () { terminate(true); });

  try {
    actor = JSON.parse(actorText);
  } catch (error) {
    fail("the launch link has an unreadable actor.");
    course.start(null);
    return;
  }

  fetch(fetchURL, { method: "POST" })
    .then(function (response) { return response.json(); })
    .then(function (body) {
      if (!body || typeof body["auth-token"] !== "string") {
        throw new Error((body && body["error-text"]) || "no auth-token from the fetch URL");
      }
      token = body["auth-token"];
      var address = endpoint + "activities/state?stateId=LMS.LaunchData"
        + "&activityId=" + encodeURIComponent(activityId)
        + "&agent=" + encodeURIComponent(JSON.stringify(actor))
        + "&registration=" + encodeURIComponent(registration);
      return fetch(address, { headers: xapiHeaders(false) });
    })
    .then(function (response) {
      if (!response.ok) { throw new Error("LMS.LaunchData could not be read (HTTP " + response.status + ")"); }
      return response.json();
    })
    .then(function (launchData) {
      contextTemplate = launchData.contextTemplate || {};
      launchMode = launchData.launchMode || "Normal";
      returnURL = launchData.returnURL || null;
      if (typeof launchData.masteryScore === "number") {
        masteryScaled = launchData.masteryScore;
        course.setMasteryScore(Math.round(masteryScaled * 10000) / 100);
      }
      connected = true;
      initializedAt = Date.now();
      send(statement("initialized", auObject(), null, [CMI5]));
      if (finishButton) { finishButton.hidden = false; }
      course.start(null);
    })
    .catch(function (error) {
      fail(String(error && error.message || error));
      course.start(null);
    });
})();

"""#,
        "packages/course.html.mustache": #"""
<section class="wm-course" aria-labelledby="wm-course-title">
{{#quiz}}
<h2 id="wm-course-title">Check your understanding</h2>
<p class="wm-quiz-intro">Choose one answer for each of the {{count}} questions, then select <strong>Check my answers</strong>. You pass with {{masteryScore}}% or more.</p>
<form class="wm-quiz" novalidate>
{{#questions}}
<fieldset class="wm-quiz-question" id="{{id}}" data-number="{{number}}" data-step="{{step}}">
<legend><span class="wm-quiz-number">Question {{number}}.</span> <span class="wm-quiz-prompt">{{{prompt}}}</span></legend>
{{#options}}
<div class="wm-quiz-option"><input type="radio" name="{{name}}" id="{{inputID}}" value="{{value}}"><label for="{{inputID}}">{{{html}}}</label></div>
{{/options}}
<p class="wm-quiz-feedback" hidden></p>
</fieldset>
{{/questions}}
<p class="wm-quiz-actions"><button type="submit" class="wm-quiz-submit">Check my answers</button> <button type="button" class="wm-quiz-retry" hidden>Try again</button></p>
</form>
{{/quiz}}
{{^quiz}}
<h2 id="wm-course-title">Finish</h2>
<p>This lesson is complete once you have read every step.</p>
{{/quiz}}
<p class="wm-course-result" role="status" aria-live="polite"></p>
<p class="wm-course-links">Keep the <a href="job-aid.html">one-page job aid</a> at hand when you do this for real.</p>
<p class="wm-course-actions"><button type="button" class="wm-course-finish" hidden>Finish this lesson</button></p>
<p class="wm-course-status" role="status" aria-live="polite"></p>
</section>

"""#,
        "packages/pdf/print.css": #"""
/* Added to guide.html and job-aid.html only while `waymark build --package pdf` prints them (docs/packages.md),
   on top of the print rules of assets/waymark.css. Override it with packages/pdf/print.css in a --templates folder. */
/* Images fit the page: never wider than the text column, never taller than half a page. */
img { max-width: 100%; height: auto; }
.wm-shot-frame { max-width: 100%; }
.wm-shot-frame img { max-height: 12cm; }
figure.wm-shot { margin: 0.3cm 0 0.2cm; }
/* A step is never split across pages; a heading stays with the step that follows it. */
li.wm-step, .wm-check, figure, blockquote, tr { break-inside: avoid; page-break-inside: avoid; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
/* The address a link leads to, added after links whose text does not show it. */
.wm-print-address { font-size: 0.85em; color: #333; overflow-wrap: anywhere; }
pre, code { white-space: pre-wrap; overflow-wrap: anywhere; }

"""#,
        "packages/scorm12/SOURCES.md": #"""
# SCORM 1.2 schema files shipped inside every `<id>-scorm12.zip`

LMSs expect a SCORM 1.2 package to carry the schemas its `imsmanifest.xml` names. Waymark redistributes them
unchanged in content; only the line endings were converted to LF (the originals use CRLF), so the files compile into
the binary like the other templates.

| file | repository | path | commit | licence |
|---|---|---|---|---|
| imscp_rootv1p1p2.xsd | pipwerks/SCORM-Manifests | `SCORM 1.2 Manifest/SCORM-schemas/imscp_rootv1p1p2.xsd` | e725b9a4adb7232b95936c13f691cfcaddfeb425 | © 2001 IMS Global Learning Consortium; the IMS/ADL SCORM 1.2 schemas, distributed by ADL for inclusion in every SCORM 1.2 package |
| adlcp_rootv1p2.xsd | pipwerks/SCORM-Manifests | `SCORM 1.2 Manifest/SCORM-schemas/adlcp_rootv1p2.xsd` | e725b9a4adb7232b95936c13f691cfcaddfeb425 | ADL SCORM 1.2 schema, as above |
| imsmd_rootv1p2p1.xsd | pipwerks/SCORM-Manifests | `SCORM 1.2 Manifest/SCORM-schemas/imsmd_rootv1p2p1.xsd` | e725b9a4adb7232b95936c13f691cfcaddfeb425 | IMS Learning Resource Meta-data 1.2.1 schema, as above |
| ims_xml.xsd | pipwerks/SCORM-Manifests | `SCORM 1.2 Manifest/SCORM-schemas/ims_xml.xsd` | e725b9a4adb7232b95936c13f691cfcaddfeb425 | IMS schema for the `xml:` attributes, as above |

The repository holds no licence file of its own; its README offers the manifests and schemas as boilerplate for
SCORM packages. The consumer test `Tests/consumers/test_packages.py` checks that the copies inside a built package
equal the official schemas (line endings aside).

This file is documentation: it is compiled in with the templates but never written into a package.

"""#,
        "packages/scorm12/adlcp_rootv1p2.xsd": #"""
<?xml version="1.0"?>
<!-- filename=adlcp_rootv1p2.xsd -->
<!-- Conforms to w3c http://www.w3.org/TR/xmlschema-1/ 2000-10-24-->

<xsd:schema xmlns="http://www.adlnet.org/xsd/adlcp_rootv1p2"
            targetNamespace="http://www.adlnet.org/xsd/adlcp_rootv1p2"
            xmlns:xml="http://www.w3.org/XML/1998/namespace"
            xmlns:imscp="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
            xmlns:xsd="http://www.w3.org/2001/XMLSchema"
            elementFormDefault="unqualified"
            version="ADL Version 1.2">

        <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
         schemaLocation="imscp_rootv1p1p2.xsd"/>

        <xsd:element name="location" type="locationType"/>
        <xsd:element name="prerequisites" type="prerequisitesType"/>
        <xsd:element name="maxtimeallowed" type="maxtimeallowedType"/>
        <xsd:element name="timelimitaction" type="timelimitactionType"/>
        <xsd:element name="datafromlms" type="datafromlmsType"/>
        <xsd:element name="masteryscore" type="masteryscoreType"/>


        <xsd:element name="schema" type="newSchemaType"/>
        <xsd:simpleType name="newSchemaType">
                <xsd:restriction base="imscp:schemaType">
                        <xsd:enumeration value="ADL SCORM"/>
                </xsd:restriction>
        </xsd:simpleType>

        <xsd:element name="schemaversion" type="newSchemaversionType"/>
        <xsd:simpleType name="newSchemaversionType">
                <xsd:restriction base="imscp:schemaversionType">
                        <xsd:enumeration value="1.2"/>
                </xsd:restriction>
        </xsd:simpleType>


        <xsd:attribute name="scormtype">
            <xsd:simpleType>
                <xsd:restriction base="xsd:string">
                   <xsd:enumeration value="asset"/>
                   <xsd:enumeration value="sco"/>
                </xsd:restriction>
            </xsd:simpleType>
        </xsd:attribute>

        <xsd:simpleType name="locationType">
                <xsd:restriction base="xsd:string">
                        <xsd:maxLength value="2000"/>
                </xsd:restriction>
        </xsd:simpleType>


        <xsd:complexType name="prerequisitesType">
           <xsd:simpleContent>
              <xsd:extension base="prerequisiteStringType">
                  <xsd:attributeGroup ref="attr.prerequisitetype"/>
              </xsd:extension>
           </xsd:simpleContent>
        </xsd:complexType>

        <xsd:attributeGroup name="attr.prerequisitetype">
                <xsd:attribute name="type" use="required">
                        <xsd:simpleType>
                                <xsd:restriction base="xsd:string">
                                   <xsd:enumeration value="aicc_script"/>
                                </xsd:restriction>
                        </xsd:simpleType>
                </xsd:attribute>
        </xsd:attributeGroup>

        <xsd:simpleType name="maxtimeallowedType">
                <xsd:restriction base="xsd:string">
                        <xsd:maxLength value="13"/>
                </xsd:restriction>
        </xsd:simpleType>

        <xsd:simpleType name="timelimitactionType">
                <xsd:restriction base="stringType">
                        <xsd:enumeration value="exit,no message"/>
                        <xsd:enumeration value="exit,message"/>
                        <xsd:enumeration value="continue,no message"/>
                        <xsd:enumeration value="continue,message"/>
                </xsd:restriction>
        </xsd:simpleType>

        <xsd:simpleType name="datafromlmsType">
                <xsd:restriction base="xsd:string">
                        <xsd:maxLength value="255"/>
                </xsd:restriction>
        </xsd:simpleType>

        <xsd:simpleType name="masteryscoreType">
                <xsd:restriction base="xsd:string">
                        <xsd:maxLength value="200"/>
                </xsd:restriction>
        </xsd:simpleType>

        <xsd:simpleType name="stringType">
                <xsd:restriction base="xsd:string"/>
        </xsd:simpleType>
        
        <xsd:simpleType name="prerequisiteStringType">
                <xsd:restriction base="xsd:string">
                   <xsd:maxLength value="200"/>
                </xsd:restriction>
        </xsd:simpleType>

</xsd:schema>

"""#,
        "packages/scorm12/ims_xml.xsd": #"""
<?xml version="1.0" encoding="UTF-8"?><!-- filename=ims_xml.xsd --><xsd:schema xmlns="http://www.w3.org/XML/1998/namespace"             targetNamespace="http://www.w3.org/XML/1998/namespace"             xmlns:xsd="http://www.w3.org/2001/XMLSchema"             elementFormDefault="qualified">	<!-- 2001-02-22 edited by Thomas Wason IMS Global Learning Consortium, Inc. -->	<xsd:annotation>		<xsd:documentation>In namespace-aware XML processors, the &quot;xml&quot; prefix is bound to the namespace name http://www.w3.org/XML/1998/namespace.</xsd:documentation>		<xsd:documentation>Do not reference this file in XML instances</xsd:documentation>                <xsd:documentation>Schawn Thropp: Changed the uriReference type to string type</xsd:documentation>	</xsd:annotation>	<xsd:attribute name="lang" type="xsd:language">		<xsd:annotation>			<xsd:documentation>Refers to universal  XML 1.0 lang attribute</xsd:documentation>		</xsd:annotation>	</xsd:attribute>	<xsd:attribute name="base" type="xsd:string">		<xsd:annotation>			<xsd:documentation>Refers to XML Base: http://www.w3.org/TR/xmlbase</xsd:documentation>		</xsd:annotation>	</xsd:attribute>	<xsd:attribute name="link" type="xsd:string"/></xsd:schema>

"""#,
        "packages/scorm12/imscp_rootv1p1p2.xsd": #"""
<?xml version="1.0"?>

<!-- edited with XML Spy v3.5 (http://www.xmlspy.com) by Thomas Wason (private) -->
<!-- filename=ims_cp_rootv1p1p2.xsd -->
<!-- Copyright (2) 2001 IMS Global Learning Consortium, Inc. -->
<!-- edited by Thomas Wason  -->
<!-- Conforms to w3c http://www.w3.org/TR/xmlschema-1/ 2000-10-24-->

<xsd:schema xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" 
            targetNamespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" 
            xmlns:xml="http://www.w3.org/XML/1998/namespace" 
            xmlns:xsd="http://www.w3.org/2001/XMLSchema" 
            elementFormDefault="unqualified" version="IMS CP 1.1.2">

   <!-- ******************** -->
   <!-- ** Change History ** -->
   <!-- ******************** -->
   <xsd:annotation>
      <xsd:documentation xml:lang="en">DRAFT XSD for IMS Content Packaging version 1.1 DRAFT</xsd:documentation>
      <xsd:documentation> Copyright (c) 2001 IMS GLC, Inc. </xsd:documentation>
      <xsd:documentation>2000-04-21, Adjustments by T.D. Wason from CP 1.0.</xsd:documentation>
      <xsd:documentation>2001-02-22, T.D.Wason: Modify for 2000-10-24 XML-Schema version.  Modified to support extension.</xsd:documentation>
      <xsd:documentation>2001-03-12, T.D.Wason: Change filename, target and meta-data namespaces and meta-data fielname.  Add meta-data to itemType, fileType and organizationType.</xsd:documentation>
      <xsd:documentation>Do not define namespaces for xml in XML instances generated from this xsd.</xsd:documentation>
      <xsd:documentation>Imports IMS meta-data xsd, lower case element names.         </xsd:documentation>
      <xsd:documentation>This XSD provides a reference to the IMS meta-data root element as imsmd:record</xsd:documentation>
      <xsd:documentation>If the IMS meta-data is to be used in the XML instance then the instance must define an IMS meta-data prefix with a namespace.  The meta-data targetNamespace should be used.  </xsd:documentation>
      <xsd:documentation>2001-03-20, Thor Anderson: Remove manifestref, change resourceref back to identifierref, change manifest back to contained by manifest. --Tom Wason: manifest may contain _none_ or more manifests.</xsd:documentation>
      <xsd:documentation>2001-04-13 Tom Wason: corrected attirbute name structure.  Was misnamed type.  </xsd:documentation>
      <xsd:documentation>2001-05-14 Schawn Thropp: Made all complexType extensible with the group.any</xsd:documentation>
      <xsd:documentation>Added the anyAttribute to all complexTypes. Changed the href attribute on the fileType and resourceType to xsd:string</xsd:documentation>
      <xsd:documentation>Changed the maxLength of the href, identifierref, parameters, structure attributes to match the Information model.</xsd:documentation>
      <xsd:documentation>2001-07-25 Schawn Thropp: Changed the namespace for the Schema of Schemas to the 5/2/2001 W3C XML Schema</xsd:documentation> 
      <xsd:documentation>Recommendation. attributeGroup attr.imsmd deleted, was not used anywhere.  Any attribute declarations that have</xsd:documentation>
      <xsd:documentation>use = "default" changed to use="optional" - attr.structure.req.</xsd:documentation>
      <xsd:documentation>Any attribute declarations that have value="somevalue" changed to default="somevalue",</xsd:documentation>
      <xsd:documentation>attr.structure.req (hierarchical).  Removed references to IMS MD Version 1.1.</xsd:documentation>
      <xsd:documentation>Modified attribute group "attr.resourcetype.req" to change use from optional</xsd:documentation>
      <xsd:documentation>to required to match the information model.  As a result the default value also needed to be removed</xsd:documentation> 
      <xsd:documentation>Name change for XSD.  Changed to match version of CP Spec                                           </xsd:documentation> 
   </xsd:annotation>

   <xsd:annotation>
      <xsd:documentation>Inclusions and Imports</xsd:documentation>
   </xsd:annotation>

   <xsd:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="ims_xml.xsd"/>

   <xsd:annotation>
      <xsd:documentation>Attribute Declarations</xsd:documentation>
   </xsd:annotation>

   <!-- **************************** -->
   <!-- ** Attribute Declarations ** -->
   <!-- **************************** -->
   <xsd:attributeGroup name="attr.base">
      <xsd:attribute ref="xml:base" use="optional"/>
   </xsd:attributeGroup>

   <xsd:attributeGroup name="attr.default">
      <xsd:attribute name="default" type="xsd:IDREF" use="optional"/>
   </xsd:attributeGroup>

   <xsd:attributeGroup name="attr.href">
      <xsd:attribute name="href" use="optional">
         <xsd:simpleType>
            <xsd:restriction base="xsd:anyURI">
               <xsd:maxLength value="2000"/>
            </xsd:restriction>
         </xsd:simpleType>
      </xsd:attribute>
   </xsd:attributeGroup>

   <xsd:attributeGroup name="attr.href.req">
      <xsd:attribute name="href" use="required">
         <xsd:simpleType>
            <xsd:restriction base="xsd:anyURI">
               <xsd:maxLength value="2000"/>
            </xsd:restriction>
         </xsd:simpleType>
      </xsd:attribute>
   </xsd:attributeGroup> 

   <xsd:attributeGroup name="attr.identifier.req">
      <xsd:attribute name="identifier" type="xsd:ID" use="required"/>
   </xsd:attributeGroup>

   <xsd:attributeGroup name="attr.identifier">
      <xsd:attribute name="identifier" type="xsd:ID" use="optional"/>
   </xsd:attributeGroup>

   <xsd:attributeGroup name="attr.isvisible">
      <xsd:attribute name="isvisible" type="xsd:boolean" use="optional"/>
   </xsd:attributeGroup>
   
   <xsd:attributeGroup name="attr.parameters">
      <xsd:attribute name="parameters" use="optional">
         <xsd:simpleType>
            <xsd:restriction base="xsd:string">
               <xsd:maxLength value="1000"/>
            </xsd:restriction>
         </xsd:simpleType>
      </xsd:attribute>
   </xsd:attributeGroup>
   
   <xsd:attributeGroup name="attr.identifierref">
      <xsd:attribute name="identifierref" use="optional">
         <xsd:simpleType>
            <xsd:restriction base="xsd:string">
               <xsd:maxLength value="2000"/>
            </xsd:restriction>
         </xsd:simpleType>
      </xsd:attribute>
   </xsd:attributeGroup>
   
   <xsd:attributeGroup name="attr.identifierref.req">
      <xsd:attribute name="identifierref" use="required">
         <xsd:simpleType>
            <xsd:restriction base="xsd:string">
               <xsd:maxLength value="2000"/>
            </xsd:restriction>
         </xsd:simpleType>
      </xsd:attribute>
   </xsd:attributeGroup>
                
   <xsd:attributeGroup name="attr.resourcetype.req">
      <xsd:attribute name="type" use="required">
         <xsd:simpleType>
            <xsd:restriction base="xsd:string">
               <xsd:maxLength value="1000"/>
            </xsd:restriction>
         </xsd:simpleType>
      </xsd:attribute>
   </xsd:attributeGroup>

   <xsd:attributeGroup name="attr.structure.req">
      <xsd:attribute name="structure" use="optional" default="hierarchical">
         <xsd:simpleType>
            <xsd:restriction base="xsd:string">
               <xsd:maxLength value="200"/>
            </xsd:restriction>
         </xsd:simpleType>
      </xsd:attribute>
   </xsd:attributeGroup>

   <xsd:attributeGroup name="attr.version">
      <xsd:attribute name="version" use="optional">
         <xsd:simpleType>
            <xsd:restriction base="xsd:string">
               <xsd:maxLength value="20"/>
            </xsd:restriction>
         </xsd:simpleType>
      </xsd:attribute>
   </xsd:attributeGroup>

   <xsd:annotation>
       <xsd:documentation>element groups</xsd:documentation>
   </xsd:annotation>

   <xsd:group name="grp.any">
      <xsd:annotation>
         <xsd:documentation>Any namespaced element from any namespace may be included within an &quot;any&quot; element.  The namespace for the imported element must be defined in the instance, and the schema must be imported.  </xsd:documentation>
      </xsd:annotation>
      <xsd:sequence>
         <xsd:any namespace="##other" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:group>

   <!-- ************************** -->
   <!-- ** Element Declarations ** -->
   <!-- ************************** -->

   <xsd:element name="dependency" type="dependencyType"/>
   <xsd:element name="file" type="fileType"/>
   <xsd:element name="item" type="itemType"/>
   <xsd:element name="manifest" type="manifestType"/>
   <xsd:element name="metadata" type="metadataType"/>
   <xsd:element name="organization" type="organizationType"/>
   <xsd:element name="organizations" type="organizationsType"/>
   <xsd:element name="resource" type="resourceType"/>
   <xsd:element name="resources" type="resourcesType"/>
   <xsd:element name="schema" type="schemaType"/>
   <xsd:element name="schemaversion" type="schemaversionType"/>
   <xsd:element name="title" type="titleType"/>

   <!-- ******************* -->
   <!-- ** Complex Types ** -->
   <!-- ******************* -->

   <!-- **************** -->
   <!-- ** dependency ** -->
   <!-- **************** -->
   <xsd:complexType name="dependencyType">
      <xsd:sequence>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
      <xsd:attributeGroup ref="attr.identifierref.req"/>
      <xsd:anyAttribute namespace="##other" processContents="strict"/>
   </xsd:complexType>
   
   <!-- ********** -->
   <!-- ** file ** -->
   <!-- ********** -->
   <xsd:complexType name="fileType">
      <xsd:sequence>
         <xsd:element ref="metadata" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
      <xsd:attributeGroup ref="attr.href.req"/>
      <xsd:anyAttribute namespace="##other" processContents="strict"/>
   </xsd:complexType>
   
   <!-- ********** -->
   <!-- ** item ** -->
   <!-- ********** -->
   <xsd:complexType name="itemType">
      <xsd:sequence>
         <xsd:element ref="title" minOccurs="0"/>
         <xsd:element ref="item" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="metadata" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
      <xsd:attributeGroup ref="attr.identifier.req"/>
      <xsd:attributeGroup ref="attr.identifierref"/>
      <xsd:attributeGroup ref="attr.isvisible"/>
      <xsd:attributeGroup ref="attr.parameters"/>
      <xsd:anyAttribute namespace="##other" processContents="strict"/>
   </xsd:complexType>
   
   <!-- ************** -->
   <!-- ** manifest ** -->
   <!-- ************** -->
   <xsd:complexType name="manifestType">
      <xsd:sequence>
         <xsd:element ref="metadata" minOccurs="0"/>
         <xsd:element ref="organizations"/>
         <xsd:element ref="resources"/>
         <xsd:element ref="manifest" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
      <xsd:attributeGroup ref="attr.identifier.req"/>
      <xsd:attributeGroup ref="attr.version"/>
      <xsd:attribute ref="xml:base"/>
      <xsd:anyAttribute namespace="##other" processContents="strict"/>
   </xsd:complexType>
   
   <!-- ************** -->
   <!-- ** metadata ** -->
   <!-- ************** -->
   <xsd:complexType name="metadataType">
      <xsd:sequence>
         <xsd:element ref="schema" minOccurs="0"/>
         <xsd:element ref="schemaversion" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <!-- ******************* -->
   <!-- ** organizations ** -->
   <!-- ******************* -->
   <xsd:complexType name="organizationsType">
      <xsd:sequence>
         <xsd:element ref="organization" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
      <xsd:attributeGroup ref="attr.default"/>
      <xsd:anyAttribute namespace="##other" processContents="strict"/>
   </xsd:complexType>
   
   <!-- ****************** -->
   <!-- ** organization ** -->
   <!-- ****************** -->
   <xsd:complexType name="organizationType">
      <xsd:sequence>
         <xsd:element ref="title" minOccurs="0"/>
         <xsd:element ref="item" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="metadata" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
      <xsd:attributeGroup ref="attr.identifier.req"/>
      <xsd:attributeGroup ref="attr.structure.req"/>
      <xsd:anyAttribute namespace="##other" processContents="strict"/>
   </xsd:complexType>
   
   <!-- *************** -->
   <!-- ** resources ** -->
   <!-- *************** -->
   <xsd:complexType name="resourcesType">
      <xsd:sequence>
          <xsd:element ref="resource" minOccurs="0" maxOccurs="unbounded"/>
          <xsd:group ref="grp.any"/>
      </xsd:sequence>
      <xsd:attributeGroup ref="attr.base"/>
      <xsd:anyAttribute namespace="##other" processContents="strict"/>
   </xsd:complexType>
   
   <!-- ************** -->
   <!-- ** resource ** -->
   <!-- ************** -->
   <xsd:complexType name="resourceType">
      <xsd:sequence>
         <xsd:element ref="metadata" minOccurs="0"/>
         <xsd:element ref="file" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="dependency" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
      <xsd:attributeGroup ref="attr.identifier.req"/>
      <xsd:attributeGroup ref="attr.resourcetype.req"/>
      <xsd:attributeGroup ref="attr.base"/>
      <xsd:attributeGroup ref="attr.href"/>
      <xsd:anyAttribute namespace="##other" processContents="strict"/>
   </xsd:complexType>

   <!-- ****************** -->
   <!-- ** Simple Types ** -->
   <!-- ****************** -->

   <!-- ************ -->
   <!-- ** schema ** -->
   <!-- ************ -->
   <xsd:simpleType name="schemaType">
      <xsd:restriction base="xsd:string">
         <xsd:maxLength value="100"/>
      </xsd:restriction>
   </xsd:simpleType>
   
   <!-- ******************* -->
   <!-- ** schemaversion ** -->
   <!-- ******************* -->
   <xsd:simpleType name="schemaversionType">
      <xsd:restriction base="xsd:string">
         <xsd:maxLength value="20"/>
      </xsd:restriction>
   </xsd:simpleType>
   
   <!-- *********** -->
   <!-- ** title ** -->
   <!-- *********** -->
   <xsd:simpleType name="titleType">
      <xsd:restriction base="xsd:string">
         <xsd:maxLength value="200"/>
      </xsd:restriction>
   </xsd:simpleType>

</xsd:schema>

"""#,
        "packages/scorm12/imsmd_rootv1p2p1.xsd": #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- edited by Thomas Wason  -->
<xsd:schema targetNamespace="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1" 
            xmlns:xml="http://www.w3.org/XML/1998/namespace" 
            xmlns:xsd="http://www.w3.org/2001/XMLSchema" 
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" 
            xmlns="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1" 
            elementFormDefault="qualified" 
            version="1.2:1.1 IMS:MD1.2">

   <xsd:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="ims_xml.xsd"/> 

   <!-- ******************** -->
   <!-- ** Change History ** -->
   <!-- ******************** -->
   <xsd:annotation>
      <xsd:documentation>2001-04-26 T.D.Wason. IMS meta-data 1.2 XML-Schema.                                  </xsd:documentation>
      <xsd:documentation>2001-06-07 S.E.Thropp. Changed the multiplicity on all elements to match the         </xsd:documentation>
      <xsd:documentation>Final 1.2 Binding Specification.                                                     </xsd:documentation>
      <xsd:documentation>Changed all elements that use the langstringType to a multiplicy of 1 or more        </xsd:documentation>
      <xsd:documentation>Changed centity in the contribute element to have a multiplicity of 0 or more.       </xsd:documentation>
      <xsd:documentation>Changed the requirement element to have a multiplicity of 0 or more.                 </xsd:documentation>
      <xsd:documentation> 2001-07-25 Schawn Thropp.  Updates to bring the XSD up to speed with the W3C        </xsd:documentation>
      <xsd:documentation> XML Schema Recommendation.  The following changes were made: Change the             </xsd:documentation>
      <xsd:documentation> namespace to reference the 5/2/2001 W3C XML Schema Recommendation,the base          </xsd:documentation>
      <xsd:documentation> type for the durtimeType, simpleType, was changed from timeDuration to duration.    </xsd:documentation>              
      <xsd:documentation> Any attribute declarations that have use="default" had to change to use="optional"  </xsd:documentation>
      <xsd:documentation> - attr.type.  Any attribute declarations that have value ="somevalue" had to change </xsd:documentation>
      <xsd:documentation> to default = "somevalue" - attr.type (URI)                                          </xsd:documentation>
      <xsd:documentation> 2001-09-04 Schawn Thropp                                                            </xsd:documentation>
      <xsd:documentation> Changed the targetNamespace and namespace of schema to reflect version change       </xsd:documentation>
   </xsd:annotation>

   <!-- *************************** -->
   <!-- ** Attribute Declaration ** -->
   <!-- *************************** -->

   <xsd:attributeGroup name="attr.type">
      <xsd:attribute name="type" use="optional" default="URI">
         <xsd:simpleType>
            <xsd:restriction base="xsd:string">
               <xsd:enumeration value="URI"/>
               <xsd:enumeration value="TEXT"/>
            </xsd:restriction>
         </xsd:simpleType>
      </xsd:attribute>
   </xsd:attributeGroup>

   <xsd:group name="grp.any">
      <xsd:annotation>
         <xsd:documentation>Any namespaced element from any namespace may be used for an &quot;any&quot; element.  The namespace for the imported element must be defined in the instance, and the schema must be imported.  </xsd:documentation>
      </xsd:annotation>
      <xsd:sequence>
         <xsd:any namespace="##any" processContents="strict" minOccurs="0" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:group>

   <!-- ************************* -->
   <!-- ** Element Declaration ** -->
   <!-- ************************* -->

   <xsd:element name="aggregationlevel" type="aggregationlevelType"/>
   <xsd:element name="annotation" type="annotationType"/>
   <xsd:element name="catalogentry" type="catalogentryType"/>
   <xsd:element name="catalog" type="catalogType"/>
   <xsd:element name="centity" type="centityType"/>
   <xsd:element name="classification" type="classificationType"/>
   <xsd:element name="context" type="contextType"/>
   <xsd:element name="contribute" type="contributeType"/>
   <xsd:element name="copyrightandotherrestrictions" type="copyrightandotherrestrictionsType"/>
   <xsd:element name="cost" type="costType"/>
   <xsd:element name="coverage" type="coverageType"/>
   <xsd:element name="date" type="dateType"/>
   <xsd:element name="datetime" type="datetimeType"/>
   <xsd:element name="description" type="descriptionType"/>
   <xsd:element name="difficulty" type="difficultyType"/>
   <xsd:element name="educational" type="educationalType"/>
   <xsd:element name="entry" type="entryType"/>
   <xsd:element name="format" type="formatType"/>
   <xsd:element name="general" type="generalType"/>
   <xsd:element name="identifier" type="xsd:string"/>
   <xsd:element name="intendedenduserrole" type="intendedenduserroleType"/>
   <xsd:element name="interactivitylevel" type="interactivitylevelType"/>
   <xsd:element name="interactivitytype" type="interactivitytypeType"/>
   <xsd:element name="keyword" type="keywordType"/>
   <xsd:element name="kind" type="kindType"/>
   <xsd:element name="langstring" type="langstringType"/>
   <xsd:element name="language" type="xsd:string"/>
   <xsd:element name="learningresourcetype" type="learningresourcetypeType"/>
   <xsd:element name="lifecycle" type="lifecycleType"/>
   <xsd:element name="location" type="locationType"/>
   <xsd:element name="lom" type="lomType"/>
   <xsd:element name="maximumversion" type="minimumversionType"/>
   <xsd:element name="metadatascheme" type="metadataschemeType"/>
   <xsd:element name="metametadata" type="metametadataType"/>
   <xsd:element name="minimumversion" type="maximumversionType"/>
   <xsd:element name="name" type="nameType"/>
   <xsd:element name="purpose" type="purposeType"/>
   <xsd:element name="relation" type="relationType"/>
   <xsd:element name="requirement" type="requirementType"/>
   <xsd:element name="resource" type="resourceType"/>
   <xsd:element name="rights" type="rightsType"/>
   <xsd:element name="role" type="roleType"/>
   <xsd:element name="semanticdensity" type="semanticdensityType"/>
   <xsd:element name="size" type="sizeType"/>
   <xsd:element name="source" type="sourceType"/>
   <xsd:element name="status" type="statusType"/>
   <xsd:element name="structure" type="structureType"/>
   <xsd:element name="taxon" type="taxonType"/>
   <xsd:element name="taxonpath" type="taxonpathType"/>
   <xsd:element name="technical" type="technicalType"/>
   <xsd:element name="title" type="titleType"/>
   <xsd:element name="type" type="typeType"/>
   <xsd:element name="typicalagerange" type="typicalagerangeType"/>
   <xsd:element name="typicallearningtime" type="typicallearningtimeType"/>
   <xsd:element name="value" type="valueType"/>
   <xsd:element name="person" type="personType"/>
   <xsd:element name="vcard" type="xsd:string"/>
   <xsd:element name="version" type="versionType"/>
   <xsd:element name="installationremarks" type="installationremarksType"/>
   <xsd:element name="otherplatformrequirements" type="otherplatformrequirementsType"/>
   <xsd:element name="duration" type="durationType"/>
   <xsd:element name="id" type="idType"/>

   <!-- ******************* -->
   <!-- ** Complex Types ** -->
   <!-- ******************* -->

   <xsd:complexType name="aggregationlevelType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="annotationType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="person" minOccurs="0"/>
         <xsd:element ref="date" minOccurs="0"/>
         <xsd:element ref="description" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="catalogentryType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="catalog"/>
         <xsd:element ref="entry"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="centityType">
      <xsd:sequence>
         <xsd:element ref="vcard"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="classificationType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="purpose" minOccurs="0"/>
         <xsd:element ref="taxonpath" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="description" minOccurs="0"/>
         <xsd:element ref="keyword" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="contextType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="contributeType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="role"/>
         <xsd:element ref="centity" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="date" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="copyrightandotherrestrictionsType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="costType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="coverageType">
      <xsd:sequence>
         <xsd:element ref="langstring" minOccurs="1" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="dateType">
      <xsd:sequence>
         <xsd:element ref="datetime" minOccurs="0"/>
         <xsd:element ref="description" minOccurs="0"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="descriptionType">
      <xsd:sequence>
         <xsd:element ref="langstring" minOccurs="1" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="difficultyType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="durationType">
      <xsd:sequence>
         <xsd:element ref="datetime" minOccurs="0"/>
         <xsd:element ref="description" minOccurs="0"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="educationalType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="interactivitytype" minOccurs="0"/>
         <xsd:element ref="learningresourcetype" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="interactivitylevel" minOccurs="0"/>
         <xsd:element ref="semanticdensity" minOccurs="0"/>
         <xsd:element ref="intendedenduserrole" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="context" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="typicalagerange" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="difficulty" minOccurs="0"/>
         <xsd:element ref="typicallearningtime" minOccurs="0"/>
         <xsd:element ref="description" minOccurs="0"/>
         <xsd:element ref="language" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="entryType">
      <xsd:sequence>
         <xsd:element ref="langstring" minOccurs="1" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="generalType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="identifier" minOccurs="0"/>
         <xsd:element ref="title" minOccurs="0"/>
         <xsd:element ref="catalogentry" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="language" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="description" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="keyword" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="coverage" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="structure" minOccurs="0"/>
         <xsd:element ref="aggregationlevel" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="installationremarksType">
      <xsd:sequence>
         <xsd:element ref="langstring" minOccurs="1" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="intendedenduserroleType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="interactivitylevelType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="interactivitytypeType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="keywordType">
      <xsd:sequence>
         <xsd:element ref="langstring" minOccurs="1" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="kindType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="langstringType">
      <xsd:simpleContent>
         <xsd:extension base="xsd:string">
            <xsd:attribute ref="xml:lang"/>
         </xsd:extension>
      </xsd:simpleContent>
   </xsd:complexType>
   
   <xsd:complexType name="learningresourcetypeType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="lifecycleType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="version" minOccurs="0"/>
         <xsd:element ref="status" minOccurs="0"/>
         <xsd:element ref="contribute" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="locationType">
      <xsd:simpleContent>
         <xsd:extension base="xsd:string">
            <xsd:attributeGroup ref="attr.type"/>
         </xsd:extension>
      </xsd:simpleContent>
   </xsd:complexType>
   
   <xsd:complexType name="lomType">
      <xsd:sequence>
         <xsd:element ref="general" minOccurs="0"/>
         <xsd:element ref="lifecycle" minOccurs="0"/>
         <xsd:element ref="metametadata" minOccurs="0"/>
         <xsd:element ref="technical" minOccurs="0"/>
         <xsd:element ref="educational" minOccurs="0"/>
         <xsd:element ref="rights" minOccurs="0"/>
         <xsd:element ref="relation" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="annotation" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="classification" minOccurs="0" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="metametadataType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="identifier" minOccurs="0"/>
         <xsd:element ref="catalogentry" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="contribute" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="metadatascheme" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="language" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="nameType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="otherplatformrequirementsType">
      <xsd:sequence>
         <xsd:element ref="langstring" minOccurs="1" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="personType">
      <xsd:sequence>
         <xsd:element ref="vcard"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="purposeType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="relationType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="kind" minOccurs="0"/>
         <xsd:element ref="resource" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="requirementType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="type" minOccurs="0"/>
         <xsd:element ref="name" minOccurs="0"/>
         <xsd:element ref="minimumversion" minOccurs="0"/>
         <xsd:element ref="maximumversion" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="resourceType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="identifier" minOccurs="0"/>
         <xsd:element ref="description" minOccurs="0"/>
         <xsd:element ref="catalogentry" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="rightsType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="cost" minOccurs="0"/>
         <xsd:element ref="copyrightandotherrestrictions" minOccurs="0"/>
         <xsd:element ref="description" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="roleType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="semanticdensityType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="sourceType">
      <xsd:sequence>
         <xsd:element ref="langstring"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="statusType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="stringType">
      <xsd:simpleContent>
         <xsd:extension base="xsd:string">
            <xsd:attribute ref="xml:lang"/>
         </xsd:extension>
      </xsd:simpleContent>
   </xsd:complexType>
   
   <xsd:complexType name="structureType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="taxonpathType">
      <xsd:sequence>
         <xsd:element ref="source" minOccurs="0"/>
         <xsd:element ref="taxon" minOccurs="0" maxOccurs="1"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="taxonType">
      <xsd:sequence>
         <xsd:element ref="id" minOccurs="0"/>
         <xsd:element ref="entry" minOccurs="0"/>
         <xsd:element ref="taxon" minOccurs="0" maxOccurs="1"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="technicalType" mixed="true">
      <xsd:sequence>
         <xsd:element ref="format" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="size" minOccurs="0"/>
         <xsd:element ref="location" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="requirement" minOccurs="0" maxOccurs="unbounded"/>
         <xsd:element ref="installationremarks" minOccurs="0"/>
         <xsd:element ref="otherplatformrequirements" minOccurs="0"/>
         <xsd:element ref="duration" minOccurs="0"/>
         <xsd:group ref="grp.any"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="titleType">
      <xsd:sequence>
         <xsd:element ref="langstring" minOccurs="1" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="typeType">
      <xsd:sequence>
         <xsd:element ref="source"/>
         <xsd:element ref="value"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="typicalagerangeType">
      <xsd:sequence>
         <xsd:element ref="langstring" minOccurs="1" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="typicallearningtimeType">
      <xsd:sequence>
         <xsd:element ref="datetime" minOccurs="0"/>
         <xsd:element ref="description" minOccurs="0"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="valueType">
      <xsd:sequence>
         <xsd:element ref="langstring"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <xsd:complexType name="versionType">
      <xsd:sequence>
         <xsd:element ref="langstring" minOccurs="1" maxOccurs="unbounded"/>
      </xsd:sequence>
   </xsd:complexType>
   
   <!-- ****************** -->
   <!-- ** Simple Types ** -->
   <!-- ****************** -->
   
   <xsd:simpleType name="formatType">
      <xsd:restriction base="xsd:string"/>
   </xsd:simpleType>
   
   <xsd:simpleType name="sizeType">
      <xsd:restriction base="xsd:int"/>
   </xsd:simpleType>
   
   <xsd:simpleType name="datetimeType">
      <xsd:restriction base="xsd:string"/>
   </xsd:simpleType>
   
   <xsd:simpleType name="idType">
      <xsd:restriction base="xsd:string"/>
   </xsd:simpleType>
   
   <xsd:simpleType name="metadataschemeType">
      <xsd:restriction base="xsd:string"/>
   </xsd:simpleType>
   
   <xsd:simpleType name="catalogType">
      <xsd:restriction base="xsd:string"/>
   </xsd:simpleType>
   
   <xsd:simpleType name="minimumversionType">
      <xsd:restriction base="xsd:string"/>
   </xsd:simpleType>
   
   <xsd:simpleType name="maximumversionType">
      <xsd:restriction base="xsd:string"/>
   </xsd:simpleType>

</xsd:schema>

"""#,
        "packages/scorm12/waymark-scorm12.js": #"""
/* Waymark SCORM 1.2 adapter: reports the guide's progress and quiz result to the LMS through its `API` object.
   Outside an LMS (no API found) it does nothing and the page stays a plain guide with a working quiz.
   Every call's return value is checked; a failed call is logged with LMSGetLastError and LMSGetErrorString. */
(function () {
  "use strict";

  var course = window.WaymarkCourse;
  if (!course) { return; }

  /* The SCORM 1.2 discovery rule: this window and its parents, then the window that opened it (and its parents). */
  function findAPIIn(start) {
    var win = start;
    for (var depth = 0; win && depth < 16; depth += 1) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") { return win.API; }
      } catch (error) {
        return null; /* a frame of another origin: no API there or above */
      }
      if (!win.parent || win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  var lms = findAPIIn(window);
  if (!lms && window.opener) {
    try { lms = findAPIIn(window.opener); } catch (error) { lms = null; }
  }
  if (!lms) { return; }

  course.hold();
  course.allowRetry = false;

  function problem(call) {
    var code = "";
    var text = "";
    try {
      code = String(lms.LMSGetLastError());
      text = String(lms.LMSGetErrorString(code));
    } catch (error) {
      text = String(error);
    }
    if (window.console) { console.warn("Waymark SCORM: " + call + " failed: " + code + " " + text); }
    return false;
  }

  function succeeded(value, call) {
    return String(value) === "true" ? true : problem(call);
  }

  function get(name) {
    var value = lms.LMSGetValue(name);
    var code = String(lms.LMSGetLastError());
    if (code !== "0") {
      problem("LMSGetValue(\"" + name + "\")");
      return null;
    }
    return value === null || value === undefined ? "" : String(value);
  }

  function set(name, value) {
    return succeeded(lms.LMSSetValue(name, String(value)), "LMSSetValue(\"" + name + "\")");
  }

  function commit() {
    return succeeded(lms.LMSCommit(""), "LMSCommit");
  }

  if (!succeeded(lms.LMSInitialize(""), "LMSInitialize")) {
    course.status("The learning system did not start this lesson, so your progress is not recorded.");
    course.start(null);
    return;
  }

  var startedAt = Date.now();
  var finished = false;
  var mode = get("cmi.core.lesson_mode");
  var tracking = mode === null || mode === "" || mode === "normal";
  var status = get("cmi.core.lesson_status") || "";
  var done = status === "passed" || status === "completed" || status === "failed";

  var mastery = get("cmi.student_data.mastery_score");
  if (mastery !== null && mastery !== "" && isFinite(Number(mastery))) { course.setMasteryScore(Number(mastery)); }

  var state = null;
  if (get("cmi.core.entry") === "resume") {
    state = { location: get("cmi.core.lesson_location") || "", data: get("cmi.suspend_data") || "" };
  }
  if (tracking && !done && status !== "incomplete") {
    set("cmi.core.lesson_status", "incomplete");
    status = "incomplete";
  }

  /* SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
  function timespan(milliseconds) {
    var centiseconds = Math.min(Math.floor(milliseconds / 10), 999999999);
    var hours = Math.min(Math.floor(centiseconds / 360000), 9999);
    var minutes = Math.floor(centiseconds / 6000) % 60;
    var seconds = Math.floor(centiseconds / 100) % 60;
    var fraction = centiseconds % 100;
    function pad(value, width) {
      var text = String(value);
      while (text.length < width) { text = "0" + text; }
      return text;
    }
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." + pad(fraction, 2);
  }

  course.on(function (type, detail) {
    if (finished || !tracking) { return; }
    if (type === "completed" && !course.hasQuiz && !done) {
      done = true;
      status = "completed";
      set("cmi.core.lesson_status", "completed");
      commit();
    } else if (type === "scored") {
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.score.raw", String(detail.percent));
      status = detail.passed ? "passed" : "failed";
      done = true;
      set("cmi.core.lesson_status", status);
      commit();
    }
  });

  function finish() {
    if (finished) { return; }
    finished = true;
    if (tracking) {
      var location = course.location();
      if (location) { set("cmi.core.lesson_location", location); }
      var data = course.snapshot();
      if (data.length <= 4096) { set("cmi.suspend_data", data); }
      set("cmi.core.exit", done ? "" : "suspend");
    }
    set("cmi.core.session_time", timespan(Date.now() - startedAt));
    commit();
    succeeded(lms.LMSFinish(""), "LMSFinish");
  }

  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  course.start(state);
})();

"""#,
        "packages/waymark-course.css": #"""
/* The knowledge check and finish controls of an LMS package, on top of waymark.css (its colours and fonts). */
.wm-course { margin-top: 2.5rem; }
.wm-quiz-question { margin: 0 0 1rem; padding: 0.75rem 1rem; border: 1px solid var(--wm-border); border-radius: 6px; }
.wm-quiz-question legend { padding: 0 0.25rem; font-weight: 600; }
.wm-quiz-option { display: flex; align-items: baseline; gap: 0.6rem; margin: 0.4rem 0; }
.wm-quiz-option input { flex: none; width: 1.1rem; height: 1.1rem; margin: 0; accent-color: var(--wm-accent); }
.wm-quiz-option label { cursor: pointer; }
.wm-quiz-option.wm-quiz-answer label { text-decoration: underline; text-underline-offset: 0.2em; }
.wm-quiz-feedback { margin: 0.5rem 0 0; font-weight: 600; }
.wm-quiz-question[data-result="right"] { border-color: var(--wm-good); }
.wm-quiz-question[data-result="right"] .wm-quiz-feedback { color: var(--wm-good); }
.wm-quiz-question[data-result="wrong"] { border-color: var(--wm-warn); }
.wm-quiz-question[data-result="wrong"] .wm-quiz-feedback { color: var(--wm-warn); }
.wm-course button { font: inherit; padding: 0.45rem 1rem; border: 1px solid var(--wm-accent); border-radius: 4px;
  background: var(--wm-accent); color: var(--wm-background); cursor: pointer; }
.wm-course button.wm-quiz-retry { background: var(--wm-background); color: var(--wm-accent); }
.wm-course button:disabled { cursor: default; opacity: 0.7; }
.wm-course button:focus-visible, .wm-quiz-option input:focus-visible { outline: 3px solid var(--wm-highlight); outline-offset: 2px; }
.wm-course-result { font-weight: 600; }
.wm-course-status:empty, .wm-course-result:empty { display: none; }
@media print {
  .wm-quiz-actions, .wm-course-actions, .wm-course-status { display: none; }
}

"""#,
        "packages/waymark-course.js": #"""
/* Waymark course run-time, shipped inside SCORM and cmi5 packages.
   It notes which steps of the guide a learner has seen and scores the knowledge check in the page; it never uses
   the network. An LMS adapter (waymark-scorm12.js, waymark-cmi5.js) listens to its events and reports them; without
   an LMS the page is a plain guide with a working quiz. */
(function () {
  "use strict";

  var dataElement = document.getElementById("wm-course-data");
  var config = {};
  try {
    config = JSON.parse(dataElement ? dataElement.textContent : "{}") || {};
  } catch (error) {
    config = {};
  }
  var steps = Array.prototype.slice.call(document.querySelectorAll("li.wm-step[id^='step-']"));
  var seen = steps.map(function () { return false; });
  var form = document.querySelector("form.wm-quiz");
  var questions = form ? Array.prototype.slice.call(form.querySelectorAll("fieldset.wm-quiz-question")) : [];
  var answers = config.answers || [];
  var resultLine = document.querySelector(".wm-course-result");
  var retryButton = form ? form.querySelector(".wm-quiz-retry") : null;
  var submitButton = form ? form.querySelector(".wm-quiz-submit") : null;
  var masteryScore = typeof config.masteryScore === "number" ? config.masteryScore : 80;
  var listeners = [];
  var held = false;
  var started = false;
  var completedSent = false;
  var result = null;

  function emit(type, detail) {
    listeners.forEach(function (listener) {
      try {
        listener(type, detail);
      } catch (error) {
        if (window.console) { console.warn("Waymark: " + error); }
      }
    });
  }

  function allSeen() {
    return seen.every(function (flag) { return flag; });
  }

  function markSeen(index) {
    if (seen[index]) { return; }
    seen[index] = true;
    emit("progress", { step: index + 1, seen: seen.filter(Boolean).length, total: steps.length });
    checkCompleted();
  }

  function checkCompleted() {
    if (!completedSent && allSeen()) {
      completedSent = true;
      emit("completed", { total: steps.length });
    }
  }

  function observe() {
    if (steps.length === 0) { checkCompleted(); return; }
    if (typeof IntersectionObserver !== "function") {
      steps.forEach(function (step, index) { markSeen(index); });
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          markSeen(steps.indexOf(entry.target));
          observer.unobserve(entry.target);
        }
      });
    });
    steps.forEach(function (step, index) { if (!seen[index]) { observer.observe(step); } });
    checkCompleted();
  }

  function chosen(fieldset) {
    var input = fieldset.querySelector("input[type=radio]:checked");
    return input ? input.value : "";
  }

  function say(text) {
    if (resultLine) { resultLine.textContent = text; }
  }

  function setInputsDisabled(disabled) {
    questions.forEach(function (fieldset) {
      Array.prototype.forEach.call(fieldset.querySelectorAll("input"), function (input) { input.disabled = disabled; });
    });
  }

  function optionText(fieldset, value) {
    var input = fieldset.querySelector("input[value='" + value + "']");
    var label = input ? fieldset.querySelector("label[for='" + input.id + "']") : null;
    return label ? label.textContent.trim() : value;
  }

  function submit(event) {
    event.preventDefault();
    if (result) { return; }
    var missing = questions.filter(function (fieldset) { return chosen(fieldset) === ""; });
    if (missing.length > 0) {
      var numbers = missing.map(function (fieldset) { return fieldset.getAttribute("data-number"); });
      say((missing.length === 1 ? "Question " + numbers[0] + " has" : "Questions " + numbers.join(", ") + " have")
        + " no answer yet. Choose one answer for every question, then check again.");
      var first = missing[0].querySelector("input");
      if (first) { first.focus(); }
      return;
    }
    var correct = 0;
    var responses = questions.map(function (fieldset, index) {
      var response = chosen(fieldset);
      var right = response === answers[index];
      if (right) { correct += 1; }
      var feedback = fieldset.querySelector(".wm-quiz-feedback");
      fieldset.setAttribute("data-result", right ? "right" : "wrong");
      var answerInput = fieldset.querySelector("input[value='" + answers[index] + "']");
      if (answerInput && answerInput.parentNode) { answerInput.parentNode.classList.add("wm-quiz-answer"); }
      if (feedback) {
        feedback.textContent = right ? "Correct." : "Not quite. The answer is: " + optionText(fieldset, answers[index]) + ".";
        feedback.hidden = false;
      }
      return { question: index + 1, step: Number(fieldset.getAttribute("data-step")), response: response,
        correct: answers[index], success: right, prompt: promptText(fieldset), choices: choices(fieldset) };
    });
    var total = questions.length;
    var percent = total === 0 ? 100 : Math.round(correct / total * 10000) / 100;
    var passed = percent >= masteryScore;
    result = { correct: correct, total: total, percent: percent, scaled: total === 0 ? 1 : correct / total,
      passed: passed, masteryScore: masteryScore, responses: responses };
    setInputsDisabled(true);
    if (submitButton) { submitButton.disabled = true; }
    say("You answered " + correct + " of " + total + " questions correctly (" + percent + "%). "
      + (passed ? "You passed: the pass mark is " + masteryScore + "%." : "You need " + masteryScore + "% to pass."));
    if (retryButton && api.allowRetry) { retryButton.hidden = false; }
    responses.forEach(function (response) { emit("answered", response); });
    emit("scored", result);
  }

  function retry() {
    result = null;
    questions.forEach(function (fieldset) {
      fieldset.removeAttribute("data-result");
      var feedback = fieldset.querySelector(".wm-quiz-feedback");
      if (feedback) { feedback.hidden = true; feedback.textContent = ""; }
      Array.prototype.forEach.call(fieldset.querySelectorAll(".wm-quiz-answer"), function (option) {
        option.classList.remove("wm-quiz-answer");
      });
      Array.prototype.forEach.call(fieldset.querySelectorAll("input"), function (input) { input.checked = false; });
    });
    setInputsDisabled(false);
    if (submitButton) { submitButton.disabled = false; }
    if (retryButton) { retryButton.hidden = true; }
    say("");
    var first = form.querySelector("input");
    if (first) { first.focus(); }
  }

  function promptText(fieldset) {
    var legend = fieldset.querySelector("legend .wm-quiz-prompt");
    return legend ? legend.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function choices(fieldset) {
    return Array.prototype.map.call(fieldset.querySelectorAll("input[type=radio]"), function (input) {
      return { id: input.value, text: optionText(fieldset, input.value) };
    });
  }

  /* The step nearest the top of the window: where a learner would pick up again. */
  function location() {
    for (var i = 0; i < steps.length; i += 1) {
      var box = steps[i].getBoundingClientRect();
      if (box.bottom > 0) { return steps[i].id; }
    }
    return steps.length > 0 ? steps[steps.length - 1].id : "";
  }

  function snapshot() {
    return JSON.stringify({
      v: 1,
      seen: seen.map(function (flag) { return flag ? "1" : "0"; }).join(""),
      answers: questions.map(function (fieldset) { return chosen(fieldset) || "-"; }).join("")
    });
  }

  function restore(state) {
    if (!state) { return; }
    var data = null;
    try { data = state.data ? JSON.parse(state.data) : null; } catch (error) { data = null; }
    if (data && typeof data.seen === "string" && data.seen.length === steps.length) {
      for (var i = 0; i < steps.length; i += 1) { if (data.seen.charAt(i) === "1") { seen[i] = true; } }
    }
    if (data && typeof data.answers === "string" && data.answers.length === questions.length && !result) {
      questions.forEach(function (fieldset, index) {
        var value = data.answers.charAt(index);
        var input = value === "-" ? null : fieldset.querySelector("input[value='" + value + "']");
        if (input) { input.checked = true; }
      });
    }
    var target = state.location ? document.getElementById(state.location) : null;
    if (target && /^step-\d+$/.test(state.location)) {
      /* The LMS decides where the lesson resumes, not the browser's memory of an earlier visit to this frame. */
      if ("scrollRestoration" in window.history) { window.history.scrollRestoration = "manual"; }
      target.scrollIntoView();
      if (document.readyState !== "complete") {
        window.addEventListener("load", function () { target.scrollIntoView(); });
      }
    }
  }

  var api = {
    /** Whether the quiz may be taken again after it was scored (off once an LMS records the result). */
    allowRetry: true,
    hasQuiz: questions.length > 0,
    stepCount: steps.length,
    on: function (listener) { listeners.push(listener); },
    /** An adapter that must talk to its LMS before tracking starts calls this while the page loads, then `start`. */
    hold: function () { held = true; },
    start: function (state) {
      if (started) { return; }
      started = true;
      restore(state);
      observe();
    },
    setMasteryScore: function (percent) {
      if (typeof percent === "number" && percent >= 0 && percent <= 100) { masteryScore = percent; }
    },
    masteryScore: function () { return masteryScore; },
    result: function () { return result; },
    allSeen: allSeen,
    location: location,
    snapshot: snapshot,
    /** Shows a line about the connection to the learning system (for problems a learner should know about). */
    status: function (text) {
      var line = document.querySelector(".wm-course-status");
      if (line) { line.textContent = text; }
    },
    finishButton: function () { return document.querySelector(".wm-course-finish"); }
  };
  window.WaymarkCourse = api;

  if (form) {
    form.addEventListener("submit", submit);
    if (retryButton) { retryButton.addEventListener("click", retry); }
  }
  /* Adapters are separate scripts after this one and call `hold` when they load; DOMContentLoaded comes only after
     every such script ran (a timer could fire between two scripts). */
  function startUnlessHeld() { if (!held) { api.start(null); } }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", startUnlessHeld);
  } else {
    setTimeout(startUnlessHeld, 0);
  }
})();

"""#,
    ]
}
