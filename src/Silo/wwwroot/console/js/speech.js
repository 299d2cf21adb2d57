// The browser's own speech recognition (the Web Speech API), for a server without speech-to-text, used only when the
// person opts in: the browser's vendor processes the audio. Only final results are handed on, one phrase at a time.

/** The browser's recognition constructor, or null when it has none. */
export function browserRecognition() {
  return window.SpeechRecognition ?? window.webkitSpeechRecognition ?? null;
}

const recognitionLocales = { ko: 'ko-KR', en: 'en-US' };
// Errors that only mean "nothing heard for a while" or "we stopped it": recognition goes on.
const quietErrors = new Set(['no-speech', 'aborted']);

/**
 * Starts recognising continuously until stop(); a recogniser that ends by itself (browsers end after some silence) is
 * started again.
 * @param {{ language: string, now(): number, onFinal(phrase: { text: string, startMs: number, endMs: number }): void,
 *   onError(reason: string): void }} options
 */
export function startBrowserTranscription({ language, now, onFinal, onError }) {
  const Recognition = browserRecognition();
  const recognition = new Recognition();
  recognition.lang = recognitionLocales[language] ?? language;
  recognition.continuous = true;
  recognition.interimResults = false;
  let stopped = false;
  let phraseStartMs = null;

  recognition.onspeechstart = () => {
    phraseStartMs ??= now();
  };
  recognition.onresult = event => {
    for (let i = event.resultIndex; i < event.results.length; i++) {
      const result = event.results[i];
      const text = result[0]?.transcript?.trim();
      if (result.isFinal && text) {
        const endMs = now();
        onFinal({ text, startMs: Math.min(phraseStartMs ?? endMs, endMs), endMs });
        phraseStartMs = null;
      }
    }
  };
  recognition.onerror = event => {
    if (!quietErrors.has(event.error)) {
      stopped = true;
      onError(event.error);
    }
  };
  recognition.onend = () => {
    if (!stopped) {
      recognition.start();
    }
  };
  recognition.start();
  return {
    stop() {
      stopped = true;
      recognition.abort();
    },
  };
}
