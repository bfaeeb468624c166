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
