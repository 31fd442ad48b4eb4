/* "Nghe bài viết": read the item aloud (commune_portal, docs/accessibility.md).
 *
 * With the browser's own Vietnamese voice when it has one (speechSynthesis,
 * a voice whose lang starts with "vi"), reading the text of @@listen-text;
 * otherwise with the audio the server makes (@@listen, when the page gives
 * data-audio-url). When neither is possible the button stays hidden.
 * The button says whether it is reading (aria-pressed, its label) and a
 * polite live region announces each change.
 */
(function () {
  "use strict";

  var synth = window.speechSynthesis;

  function vietnameseVoice() {
    if (!synth || typeof synth.getVoices !== "function") {
      return null;
    }
    var voices = synth.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      var lang = (voices[i].lang || "").toLowerCase().replace("_", "-");
      if (lang === "vi" || lang.indexOf("vi-") === 0) {
        return voices[i];
      }
    }
    return null;
  }

  // Chromium stops long utterances after some seconds: speak sentence by
  // sentence, at most about 200 characters at a time.
  function chunks(text) {
    var parts = [];
    text.split(/\n+/).forEach(function (paragraph) {
      var sentences = paragraph.match(/[^.!?;:]+[.!?;:]*\s*/g) || [];
      var current = "";
      sentences.forEach(function (sentence) {
        if ((current + sentence).length > 200 && current) {
          parts.push(current.trim());
          current = "";
        }
        current += sentence;
      });
      if (current.trim()) {
        parts.push(current.trim());
      }
    });
    return parts;
  }

  function Reader(root) {
    this.root = root;
    this.button = root.querySelector(".commune-listen-button");
    this.label = root.querySelector(".commune-listen-label");
    this.status = root.querySelector(".commune-listen-status");
    this.audioUrl = root.getAttribute("data-audio-url");
    this.textUrl = root.getAttribute("data-text-url");
    this.lang = root.getAttribute("data-lang") || "vi-VN";
    this.audio = null;
    this.reading = false;
    this.button.addEventListener("click", this.toggle.bind(this));
  }

  Reader.prototype.text = function (name) {
    return this.root.getAttribute("data-label-" + name) || "";
  };

  Reader.prototype.show = function () {
    this.root.hidden = false;
  };

  Reader.prototype.announce = function (name) {
    // Emptied first, so that the same message is announced again.
    this.status.textContent = "";
    var status = this.status;
    var message = this.text(name);
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  };

  Reader.prototype.setReading = function (reading, message) {
    this.reading = reading;
    var label = this.text(reading ? "stop" : "listen");
    this.button.setAttribute("aria-pressed", reading ? "true" : "false");
    this.button.setAttribute("aria-label", label);
    this.label.textContent = label;
    this.root.classList.toggle("commune-listen-reading", reading);
    if (message) {
      this.announce(message);
    }
  };

  Reader.prototype.toggle = function () {
    if (this.reading) {
      this.stop();
      return;
    }
    var voice = vietnameseVoice();
    if (voice) {
      this.speak(voice);
    } else if (this.audioUrl) {
      this.play();
    }
  };

  Reader.prototype.stop = function () {
    if (synth) {
      synth.cancel();
    }
    if (this.audio) {
      this.audio.pause();
      this.audio.currentTime = 0;
    }
    this.setReading(false, "stopped");
  };

  Reader.prototype.failed = function () {
    this.setReading(false, "error");
  };

  Reader.prototype.speak = function (voice) {
    var self = this;
    self.setReading(true, "playing");
    fetch(self.textUrl, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (text) {
        if (!self.reading) {
          return;
        }
        synth.cancel();
        var parts = chunks(text);
        parts.forEach(function (part, index) {
          var utterance = new SpeechSynthesisUtterance(part);
          utterance.voice = voice;
          utterance.lang = voice.lang || self.lang;
          if (index === parts.length - 1) {
            utterance.onend = function () {
              if (self.reading) {
                self.setReading(false, "stopped");
              }
            };
          }
          utterance.onerror = function (event) {
            if (event.error !== "interrupted" && event.error !== "canceled") {
              self.failed();
            }
          };
          synth.speak(utterance);
        });
      })
      .catch(function () {
        self.failed();
      });
  };

  Reader.prototype.play = function () {
    var self = this;
    if (!self.audio) {
      self.audio = new Audio(self.audioUrl);
      self.audio.preload = "none";
      self.audio.addEventListener("ended", function () {
        self.setReading(false, "stopped");
      });
      self.audio.addEventListener("error", function () {
        self.failed();
      });
    }
    self.setReading(true, "playing");
    var playing = self.audio.play();
    if (playing && typeof playing.catch === "function") {
      playing.catch(function () {
        self.failed();
      });
    }
  };

  function init() {
    var roots = document.querySelectorAll(".commune-listen");
    if (!roots.length) {
      return;
    }
    var readers = Array.prototype.map.call(roots, function (root) {
      return new Reader(root);
    });
    function reveal() {
      var voice = vietnameseVoice();
      readers.forEach(function (reader) {
        if (voice || reader.audioUrl) {
          reader.show();
        }
      });
    }
    reveal();
    // Voices often arrive after the page has loaded.
    if (synth && typeof synth.addEventListener === "function") {
      synth.addEventListener("voiceschanged", reveal);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
