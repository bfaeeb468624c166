// Generated from the Templates/ folder by `WAYMARK_RECORD=1 swift test --filter BuiltInTemplatesTests`.
// Do not edit: edit Templates/ and re-record. A test fails when the two differ.

/// The default templates and stylesheet, compiled in so an installed binary needs no files beside it.
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
  color-scheme: light;
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
  background: #fff;
}
h1, h2, h3 { line-height: 1.25; }
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
.wm-skip { position: absolute; left: -999px; top: 0.5rem; background: #fff; padding: 0.5rem 1rem; z-index: 10; }
.wm-skip:focus { left: 0.5rem; }
.wm-kicker { color: var(--wm-muted); margin: 0; font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.04em; }
.wm-header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
.wm-back { margin: 0; font-size: 0.9rem; }
.wm-nav { margin: 1rem 0; padding: 0.75rem 1rem; background: var(--wm-surface); border-radius: 6px; }
.wm-nav-title { font-size: 1rem; margin: 0 0 0.25rem; border: 0; padding: 0; }
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
body.wm-index { max-width: 72rem; }
@media (max-width: 40rem) { body { padding: 1rem; } h1 { font-size: 1.6rem; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; color: #000; }
  .wm-skip, .wm-header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
.wm-back { margin: 0; font-size: 0.9rem; }
.wm-nav { display: none; }
  a { color: inherit; text-decoration: none; }
  .wm-shot, li { break-inside: avoid; }
  .wm-shot-frame { border-color: #999; }
  .wm-highlight { box-shadow: none; }
  h2 { break-after: avoid; }
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
<body>
<a class="wm-skip" href="#main">Skip to the guide</a>
<header class="wm-header">
<p class="wm-kicker">{{#application}}{{application}} · {{/application}}Step-by-step guide</p>
{{#dashboardHref}}
<p class="wm-back"><a href="{{dashboardHref}}">All guides</a></p>
{{/dashboardHref}}
</header>
{{#hasNav}}
<nav class="wm-nav" aria-label="Contents">
<h2 class="wm-nav-title">Contents</h2>
<ol>
{{#nav}}
<li><a href="#{{id}}">{{text}}</a></li>
{{/nav}}
</ol>
</nav>
{{/hasNav}}
<main id="main" tabindex="-1">
{{{body}}}
</main>
<footer class="wm-footer">
{{{footer}}}
</footer>
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
<div class="wm-table-wrap">
<table class="wm-dashboard">
<caption>Every guide built from the captures, with its owner, review date and status.</caption>
<thead>
<tr><th scope="col">Guide</th><th scope="col">Application</th><th scope="col" class="wm-num">Steps</th><th scope="col" class="wm-num">Reading</th><th scope="col" class="wm-num">Narration</th><th scope="col">Owner</th><th scope="col">Review by</th><th scope="col">Status</th><th scope="col">Capture</th></tr>
</thead>
<tbody>
{{#guides}}
<tr><th scope="row"><a href="{{htmlLink}}">{{plainTitle}}</a> <span class="wm-aside">(<a href="{{jobAidLink}}">job aid</a>)</span></th><td>{{plainApplication}}</td><td class="wm-num">{{steps}}</td><td class="wm-num">{{reading}}</td><td class="wm-num">{{narration}}</td><td>{{plainOwner}}</td><td>{{reviewBy}}</td><td><span class="wm-status wm-status-{{statusClass}}">{{status}}</span></td><td class="wm-source">{{plainSource}}</td></tr>
{{/guides}}
</tbody>
</table>
</div>
<p class="wm-model">{{model}}</p>
</main>
<footer class="wm-footer">
<p>Generated by {{generator}}.</p>
</footer>
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
