// Podium: play a speech's recording from a statement, and mark the statement being spoken.
// Without this script each statement's "▶ 12:34" link still plays from its time (YouTube's `t=`, Vimeo's `#t=`,
// a file's media fragment `#t=` in the browser's own player). With it, the page's player seeks and plays, docks
// at the bottom of the window, and the statement being spoken gets a class and aria-current="time". YouTube and
// Vimeo are embedded (from their privacy-enhanced hosts) only when the reader presses play: before that, the
// page asks them for nothing.
(function () {
  "use strict";
  var player = document.querySelector("[data-podium-player]");
  if (!player) return;
  var dock = player.querySelector(".podium-player__dock");
  var provider = player.dataset.provider;
  var media = player.querySelector("audio, video");
  var statements = Array.prototype.map
    .call(document.querySelectorAll(".podium-statement[data-start]"), function (element) {
      return { element: element, start: parseFloat(element.dataset.start) };
    })
    .sort(function (a, b) { return a.start - b.start; });
  var current = null;
  var frame = null;
  var closeButton = null;
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function inView(element) {
    var box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }

  // Wholly visible above the docked player.
  function uncovered(element) {
    var box = element.getBoundingClientRect();
    var docked = player.classList.contains("podium-player--docked") ? dock.offsetHeight : 0;
    return box.top >= 0 && box.bottom <= window.innerHeight - docked;
  }

  // The statement whose start is the last one at or before `time` (a quarter second early: a seek lands just short).
  function highlight(time) {
    var found = null;
    for (var i = 0; i < statements.length && statements[i].start <= time + 0.25; i++) found = statements[i].element;
    if (found === current) return;
    var following = current && inView(current);  // the reader is reading along: keep the spoken words in view
    if (current) {
      current.classList.remove("podium-statement--current");
      current.removeAttribute("aria-current");
    }
    current = found;
    if (!current) return;
    current.classList.add("podium-statement--current");
    current.setAttribute("aria-current", "time");
    if (following && !uncovered(current)) current.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  }

  function dockPlayer() {
    if (player.classList.contains("podium-player--docked")) return;
    player.classList.add("podium-player--docked");
    document.body.classList.add("podium-playing");
    if (!closeButton) {
      closeButton = document.createElement("button");
      closeButton.type = "button";
      closeButton.className = "podium-player__close";
      closeButton.setAttribute("aria-label", player.dataset.closeLabel || "Close the player");
      closeButton.textContent = "×";
      closeButton.addEventListener("click", close);
      dock.appendChild(closeButton);
    }
  }

  function close() {
    if (media) media.pause();
    if (frame) { frame.remove(); frame = null; player.classList.remove("podium-player--embedded"); }
    player.classList.remove("podium-player--docked");
    document.body.classList.remove("podium-playing");
    highlight(-1);
  }

  // A file: the page's own <audio> or <video>.
  function playFile(time) {
    // Before the metadata has loaded (preload="none"), this is where playback will start.
    media.currentTime = time;
    if (media.readyState < 1) {
      media.addEventListener("loadedmetadata", function () {
        if (Math.abs(media.currentTime - time) > 0.5) media.currentTime = time;
      }, { once: true });
    }
    var playing = media.play();
    if (playing && playing.catch) playing.catch(function () {});
  }

  if (media) {
    media.addEventListener("timeupdate", function () { highlight(media.currentTime); });
    media.addEventListener("seeked", function () { highlight(media.currentTime); });
    media.addEventListener("play", function () { if (!inView(player)) dockPlayer(); });
  }

  // YouTube and Vimeo: their embedded player, made on the reader's first click, driven by postMessage (their
  // documented iframe protocols), so no script of theirs is loaded into this page.
  function embed(time) {
    var source = player.dataset.embed;
    var whole = Math.floor(time);
    source += provider === "youtube"
      ? "&start=" + whole + "&origin=" + encodeURIComponent(location.origin)
      : "#t=" + whole + "s";
    frame = document.createElement("iframe");
    frame.className = "podium-player__frame";
    frame.src = source;
    frame.title = dock.getAttribute("aria-label") || "Recording";
    frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    frame.allowFullscreen = true;
    frame.addEventListener("load", listen);
    player.classList.add("podium-player--embedded");
    dock.insertBefore(frame, dock.firstChild);
  }

  function send(message) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(JSON.stringify(message), new URL(frame.src).origin);
  }

  function listen() {
    if (provider === "youtube") send({ event: "listening", id: "podium", channel: "widget" });
    else send({ method: "addEventListener", value: "timeupdate" });
  }

  function seekEmbed(time) {
    if (provider === "youtube") {
      send({ event: "command", func: "seekTo", args: [time, true] });
      send({ event: "command", func: "playVideo", args: [] });
    } else {
      send({ method: "setCurrentTime", value: time });
      send({ method: "play" });
    }
  }

  window.addEventListener("message", function (event) {
    if (!frame || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (typeof data === "string") {
      try { data = JSON.parse(data); } catch (error) { return; }
    }
    if (!data || typeof data !== "object") return;
    if (data.info && typeof data.info.currentTime === "number") highlight(data.info.currentTime);  // YouTube
    else if (data.event === "timeupdate" && data.data) highlight(data.data.seconds);  // Vimeo
    else if (data.event === "ready" && provider === "vimeo") listen();
  });

  // `from`: the link the reader pressed, kept where it was on the screen while the player leaves the header.
  function play(time, from) {
    var top = from && from.getBoundingClientRect().top;
    dockPlayer();
    if (from) window.scrollBy(0, from.getBoundingClientRect().top - top);
    if (provider === "file") playFile(time);
    else if (!frame) embed(time);
    else seekEmbed(time);
    highlight(time);
    if (current && !uncovered(current)) current.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".podium-play");
    // A click that opens a new tab or window follows the link as it is.
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    play(parseFloat(link.dataset.start) || 0, link);
  });

  window.podium = Object.assign(window.podium || {}, { play: play });
})();
