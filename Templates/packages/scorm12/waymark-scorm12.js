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
