// The conversation panel: the user's messages to the counselor and its replies, streamed in as they are said and
// replaced by the stored reply when it arrives (a reply the server replaced or cut off reads as stored). Optionally
// read aloud in the reply's language with the browser's speechSynthesis.
import { el } from './dom.js';
import { t } from './i18n.js';

const voices = { ko: 'ko-KR', en: 'en-US' };

export function conversationPanel(list, speakToggle) {
  const replies = new Map();
  const shownSeqs = new Set();

  function bubble(replyId) {
    let item = replies.get(replyId);
    if (!item) {
      item = el('li', { class: 'counselor', dataset: { replyId, complete: 'pending' } }, '');
      replies.set(replyId, item);
      list.append(item);
    }
    return item;
  }

  function scroll() {
    list.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  return {
    /** A user's chat message, once stored (also when replayed after a reconnect). */
    userMessage(event) {
      if (event.data.source !== 'chat' || shownSeqs.has(event.seq)) {
        return;
      }
      shownSeqs.add(event.seq);
      const text = event.data.text ?? t('session.notStored', { count: event.data.wordCount });
      list.append(el('li', { class: 'user', lang: event.data.language, dataset: { seq: event.seq } }, text));
      scroll();
    },

    /** The next piece of a reply being said: appended in index order (a late piece after the final one is ignored). */
    delta(message) {
      const { replyId, index, text } = message.data;
      const item = bubble(replyId);
      if (item.dataset.complete !== 'pending' || Number(item.dataset.next ?? 0) !== index) {
        return;
      }
      item.dataset.next = String(index + 1);
      item.textContent += text;
      scroll();
    },

    /** The stored reply: its text is what counts, whatever the pieces said. */
    reply(event, language) {
      const data = event.data;
      const item = bubble(data.replyId);
      const fresh = item.dataset.complete === 'pending';
      item.textContent = data.text;
      item.dataset.source = data.source;
      item.dataset.complete = String(data.complete);
      if (!data.complete) {
        item.append(el('span', { class: 'hint' }, ` ${t('conversation.cutOff')}`));
      }
      scroll();
      if (fresh && speakToggle.checked && 'speechSynthesis' in window && data.text) {
        const utterance = new SpeechSynthesisUtterance(data.text);
        utterance.lang = voices[language] ?? voices.en;
        window.speechSynthesis.speak(utterance);
      }
    },

    stopSpeaking() {
      if ('speechSynthesis' in window) {
        window.speechSynthesis.cancel();
      }
    },
  };
}
