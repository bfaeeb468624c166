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
