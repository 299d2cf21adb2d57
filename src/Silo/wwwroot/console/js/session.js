// The live session console: microphone to the hub, the session's events to the screen.
import { getJson } from './api.js';
import * as cards from './cards.js';
import { addEmotionPoint, emotionChart } from './charts.js';
import { el, showError, view } from './dom.js';
import { formatNumber, formatTime, language, onLanguageChange, t, term } from './i18n.js';
import { conversationPanel } from './conversation.js';
import { LiveSession } from './live.js';
import { startMicrophone } from './microphone.js';
import { browserRecognition, startBrowserTranscription } from './speech.js';
import { cameraCard } from './camera.js';

export function renderSession(main, sessionId) {
  main.replaceChildren(view('view-session'));
  const $ = selector => main.querySelector(selector);
  const ui = {
    heading: $('#session-title-heading'),
    status: $('#session-status'),
    connection: $('#connection-state'),
    error: $('#session-error'),
    pause: $('#pause-session'),
    resume: $('#resume-session'),
    end: $('#end-session'),
    reportLink: $('#report-link'),
    microphone: $('#microphone-state'),
    speaking: $('#speaking-indicator'),
    audioBacklog: $('#audio-backlog'),
    level: $('#voice-level'),
    utterances: $('#utterance-count'),
    emotion: $('#current-emotion'),
    emotionSources: $('#emotion-sources'),
    transcript: $('#transcript'),
    transcriptForm: $('#transcript-form'),
    transcriptInput: $('#transcript-input'),
    transcriptLanguage: $('#transcript-language'),
    distortions: $('#distortion-cards'),
    interventions: $('#intervention-cards'),
    riskBanner: $('#risk-banner'),
    crisisLine: $('#risk-crisis-line'),
    eventLog: $('#event-log'),
    counselorForm: $('#counselor-form'),
    counselorInput: $('#counselor-input'),
    notices: $('#processing-notices'),
    speechCard: $('#speech-to-text'),
    browserSpeechOffer: $('#browser-speech-offer'),
    browserSpeech: $('#browser-speech'),
    browserSpeechUnavailable: $('#browser-speech-unavailable'),
    browserSpeechState: $('#browser-speech-state'),
  };
  const conversation = conversationPanel($('#conversation'), $('#counselor-speak'));
  const state = { snapshotSeq: 0, status: null, title: null, connection: 'connecting', speaking: false, emotion: null, sources: [], micState: null };
  const events = [];
  const chart = emotionChart($('#emotion-chart'));
  const openedAt = performance.now();
  let typingStartedMs = null;
  let microphone = null;
  let browserTranscription = null;
  let browserSpeechFailure = null;
  /** Processing issues by kind: how many, and whether the person has dismissed the notice (it then stays away). */
  const issues = new Map();

  ui.transcriptLanguage.value = language();
  ui.reportLink.href = `/console/report/${sessionId}`;

  const live = new LiveSession(sessionId, {
    onSnapshot: snapshot => {
      state.title = snapshot.title;
      state.snapshotSeq = snapshot.lastSeq;
      ui.utterances.textContent = formatNumber(snapshot.metrics.utteranceCount);
      setStatus(snapshot.status);
    },
    onConnection: connection => {
      state.connection = connection;
      ui.connection.textContent = t(`connection.${connection}`);
      ui.connection.dataset.state = connection;
    },
    onEvent: event => show(event),
    onLive: message => showLive(message),
    onError: error => showError(ui.error, error),
    onAudio: audio => showAudio(audio),
  });
  const camera = cameraCard($('#camera-card'), {
    now: elapsedMs,
    send: frames => live.invoke('SendLandmarks', frames),
    // A session without analysis consent takes no face data: the server answers FORBIDDEN, the page says why.
    onRefused: error => {
      if (hubError(error).code !== 'FORBIDDEN') {
        return false;
      }
      noteIssue({ data: { kind: 'camera_forbidden' } });
      return true;
    },
  });

  function setStatus(status) {
    state.status = status;
    ui.heading.textContent = state.title || t('session.untitled');
    ui.status.textContent = t(`status.${status}`);
    ui.status.dataset.status = status;
    ui.pause.hidden = status !== 'active';
    ui.resume.hidden = status !== 'paused';
    ui.end.hidden = status === 'ended';
    ui.reportLink.hidden = status !== 'ended';
    ui.transcriptInput.disabled = status !== 'active';
    ui.transcriptForm.querySelector('button').disabled = status !== 'active';
    if (status === 'active') {
      ensureMicrophone();
    }
    live.setAudioWanted(status === 'active');
    if (status !== 'active') {
      // No audio flows while paused or after the end, so nobody is speaking.
      state.speaking = false;
      showSpeaking();
      ui.level.value = ui.level.min;
    }
    if (status === 'ended') {
      stopMicrophone();
    }
    updateBrowserTranscription();
    camera.setActive(status === 'active');
  }

  /** The opted-in browser recognition runs exactly while the session is active. */
  function updateBrowserTranscription() {
    const wanted = ui.browserSpeech.checked && state.status === 'active';
    if (wanted && !browserTranscription) {
      browserSpeechFailure = null;
      browserTranscription = startBrowserTranscription({
        language: ui.transcriptLanguage.value,
        now: elapsedMs,
        onFinal: phrase => sendTranscript(phrase.text, phrase.startMs, phrase.endMs),
        onError: reason => {
          browserTranscription = null;
          browserSpeechFailure = reason;
          ui.browserSpeech.checked = false;
          showBrowserSpeech();
        },
      });
    } else if (!wanted && browserTranscription) {
      browserTranscription.stop();
      browserTranscription = null;
    }
    showBrowserSpeech();
  }

  function showBrowserSpeech() {
    const text = browserSpeechFailure ? t('stt.browserFailed', { reason: browserSpeechFailure }) : browserTranscription ? t('stt.browserOn') : '';
    if (ui.browserSpeechState.textContent !== text) {
      ui.browserSpeechState.textContent = text;
    }
    ui.browserSpeechState.dataset.state = browserSpeechFailure ? 'failed' : browserTranscription ? 'on' : 'off';
  }

  /** A server without speech-to-text says so, and offers the browser's own recognition where the browser has one. */
  async function showSpeechToText() {
    try {
      const status = await getJson('/api/stt/status');
      ui.speechCard.hidden = status.available;
      ui.speechCard.dataset.serverStt = String(status.available);
      const offered = !status.available && browserRecognition() !== null;
      ui.browserSpeechOffer.hidden = !offered;
      ui.browserSpeechUnavailable.hidden = status.available || offered;
    } catch {
      // Not knowing only means the notice stays hidden; the session itself works either way.
    }
  }

  /** One notice per kind of processing issue: visible, polite (a live region, not an alert) and dismissible. */
  function noteIssue(event) {
    const kind = event.data.kind;
    const known = issues.get(kind) ?? { count: 0, dismissed: false };
    issues.set(kind, { ...known, count: known.count + 1 });
    if (known.dismissed) {
      return;
    }
    showIssues();
  }

  function showIssues() {
    ui.notices.replaceChildren(...[...issues.entries()].filter(([, issue]) => !issue.dismissed).map(([kind, issue]) => {
      const key = `issue.${kind}`;
      const text = t(key) === key ? t('issue.other') : t(key);
      const dismiss = el('button', { type: 'button', class: 'secondary', 'aria-label': t('issue.dismiss') }, '×');
      dismiss.addEventListener('click', () => {
        issues.set(kind, { ...issues.get(kind), dismissed: true });
        showIssues();
        ui.transcriptInput.focus();
      });
      return el('div', { class: 'notice', dataset: { kind, count: issue.count } }, el('p', {}, text), dismiss);
    }));
  }

  async function ensureMicrophone() {
    if (microphone || state.micState === 'starting') {
      return;
    }
    state.micState = 'starting';
    try {
      microphone = await startMicrophone(bytes => live.sendAudio(bytes));
      state.micState = 'on';
    } catch {
      state.micState = 'denied';
    }
    showMicrophone();
    if (state.status === 'ended') {
      stopMicrophone();
    }
  }

  function stopMicrophone() {
    microphone?.stop();
    microphone = null;
    if (state.micState === 'on') {
      state.micState = 'off';
    }
    showMicrophone();
  }

  function showMicrophone() {
    const key = { on: 'session.micOn', off: 'session.micOff', denied: 'session.micDenied' }[state.micState];
    ui.microphone.textContent = key ? t(key) : '';
  }

  /** Says when speech is being kept through a network drop, being sent afterwards, or was too much to keep. */
  function showAudio({ capturedMs, bufferedMs, droppedMs }) {
    const notice = ui.audioBacklog;
    notice.dataset.capturedMs = String(capturedMs);
    notice.dataset.bufferedMs = String(bufferedMs);
    notice.dataset.droppedMs = String(droppedMs);
    const keys = [];
    if (droppedMs > 0) {
      keys.push('session.audioDropped');
    }
    if (bufferedMs > 0) {
      keys.push(state.connection === 'connected' ? 'session.audioSending' : 'session.audioKept');
    }
    const text = keys.map(key => t(key)).join(' ');
    // Rewritten only when it changes: the element is a live region, and chunks arrive four times a second.
    if (notice.textContent !== text) {
      notice.textContent = text;
    }
    notice.hidden = text === '';
  }

  function showSpeaking() {
    ui.speaking.dataset.speaking = String(state.speaking);
    ui.speaking.textContent = state.speaking ? t('session.speaking') : t('session.silent');
  }

  // Live-only messages: the counselor's reply as it is spoken, and the voice level between speech starts and stops.
  function showLive(message) {
    if (message.type === 'counselor_reply_delta') {
      conversation.delta(message);
    } else if (message.type === 'vad_level') {
      state.speaking = message.data.isSpeech;
      showSpeaking();
      ui.level.value = Math.max(-90, Math.min(0, message.data.energy));
    }
  }

  function show(event) {
    events.push(event);
    ui.eventLog.append(el('li', { dataset: { seq: event.seq, type: event.type } }, `#${event.seq} ${event.type} · ${formatTime(new Date(event.at))}`));
    const data = event.data;
    switch (event.type) {
      case 'status_changed':
        // The snapshot already reflects every event up to its lastSeq; replayed history must not re-run the lifecycle.
        if (event.seq > state.snapshotSeq) {
          setStatus(data.to);
        }
        break;
      case 'vad_update':
        state.speaking = data.speaking;
        showSpeaking();
        ui.level.value = Math.max(-90, Math.min(0, data.levelDb));
        ui.utterances.textContent = formatNumber(data.utteranceCount);
        break;
      case 'transcript_segment':
        conversation.userMessage(event);
        ui.transcript.append(transcriptItem(event));
        ui.transcript.lastElementChild.scrollIntoView({ block: 'nearest' });
        break;
      case 'emotion_update':
        state.emotion = data.label;
        state.sources = data.sources ?? [];
        ui.emotion.textContent = term('emotion', data.label);
        showSources();
        addEmotionPoint(chart, { x: formatTime(new Date(event.at)), valence: data.valence, arousal: data.arousal });
        break;
      case 'distortion_detected':
        ui.distortions.prepend(distortionCard(event));
        break;
      case 'cbt_intervention':
        ui.interventions.prepend(interventionCard(event));
        break;
      case 'risk_alert':
        ui.crisisLine.textContent = data.crisisLine;
        ui.riskBanner.dataset.level = data.level;
        ui.riskBanner.hidden = false;
        break;
      case 'analysis_result':
        ui.utterances.textContent = formatNumber(data.utteranceCount);
        break;
      case 'counselor_reply':
        conversation.reply(event, ui.transcriptLanguage.value);
        break;
      case 'processing_issue':
        noteIssue(event);
        break;
      case 'session_ended':
        if (event.seq > state.snapshotSeq) {
          setStatus('ended');
        }
        break;
      default:
        break;
    }
  }

  /** Which modalities (face, voice, words) the latest emotion reading was read from, and with what weight. */
  function showSources() {
    ui.emotionSources.replaceChildren(...state.sources.map(source => el('li', { dataset: { modality: source.modality, label: source.label } },
      `${t(`source.${source.modality}`)}: ${term('emotion', source.label)} (${formatNumber(source.weight * 100)} %)`)));
  }

  function transcriptItem(event) {
    const data = event.data;
    const text = data.text ?? t('session.notStored', { count: data.wordCount });
    return el('li', { dataset: { seq: event.seq, source: data.source }, lang: data.language }, text);
  }

  function distortionCard(event) {
    const { distortionType: type, severity, confidence, evidence } = event.data;
    return cards.distortionCard({ seq: event.seq, type, severity, confidence, evidence });
  }

  function interventionCard(event) {
    return cards.interventionCard({ seq: event.seq, ...event.data });
  }

  /** Text that depends on the language is rebuilt from what has been received. */
  function retranslate() {
    if (state.status) {
      setStatus(state.status);
    }
    ui.connection.textContent = t(`connection.${state.connection}`);
    showSpeaking();
    showMicrophone();
    ui.emotion.textContent = state.emotion ? term('emotion', state.emotion) : '–';
    showSources();
    camera.retranslate();
    chart.data.datasets[0].label = t('chart.valence');
    chart.data.datasets[1].label = t('chart.arousal');
    chart.update('none');
    ui.transcript.replaceChildren(...events.filter(e => e.type === 'transcript_segment').map(transcriptItem));
    ui.distortions.replaceChildren(...events.filter(e => e.type === 'distortion_detected').reverse().map(distortionCard));
    ui.interventions.replaceChildren(...events.filter(e => e.type === 'cbt_intervention').reverse().map(interventionCard));
    showIssues();
    showBrowserSpeech();
  }

  async function command(method) {
    showError(ui.error, null);
    try {
      if (method !== 'Resume') {
        await live.finishAudio();
      }
      const snapshot = await live.invoke(method);
      setStatus(snapshot.status);
    } catch (error) {
      showError(ui.error, hubError(error));
      // Refused: the session still runs, so the microphone's stream opens again.
      live.setAudioWanted(state.status === 'active');
    }
  }

  ui.pause.addEventListener('click', () => command('Pause'));
  ui.resume.addEventListener('click', () => command('Resume'));
  ui.end.addEventListener('click', () => command('End'));
  ui.transcriptInput.addEventListener('input', () => {
    typingStartedMs ??= elapsedMs();
  });
  ui.transcriptInput.addEventListener('keydown', event => {
    // Enter sends, Shift+Enter starts a new line.
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      ui.transcriptForm.requestSubmit();
    }
  });
  ui.transcriptForm.addEventListener('submit', async event => {
    event.preventDefault();
    const text = ui.transcriptInput.value.trim();
    if (!text) {
      return;
    }
    const endMs = elapsedMs();
    if (await sendTranscript(text, Math.min(typingStartedMs ?? endMs, endMs), endMs)) {
      ui.transcriptInput.value = '';
      typingStartedMs = null;
    }
  });
  ui.browserSpeech.addEventListener('change', updateBrowserTranscription);

  /** Typed text and the browser's recognised phrases go in the same way; true once the server has it. */
  async function sendTranscript(text, startMs, endMs) {
    showError(ui.error, null);
    try {
      await live.invoke('SendTranscript', { clientSegmentId: crypto.randomUUID(), text, startMs, endMs, language: ui.transcriptLanguage.value });
      return true;
    } catch (error) {
      showError(ui.error, hubError(error));
      return false;
    }
  }

  ui.counselorForm.addEventListener('submit', async submitted => {
    submitted.preventDefault();
    const text = ui.counselorInput.value.trim();
    if (!text) {
      return;
    }
    showError(ui.error, null);
    try {
      await live.invoke('AskCounselor', { clientMessageId: crypto.randomUUID(), text, language: ui.transcriptLanguage.value });
      ui.counselorInput.value = '';
    } catch (error) {
      showError(ui.error, hubError(error));
    }
  });

  function elapsedMs() {
    return Math.round(performance.now() - openedAt);
  }

  showSpeaking();
  showSpeechToText();
  getJson('/api/user/me/preferences')
    .then(preferences => camera.setFaceEmotion(preferences.analysis.faceEmotion))
    .catch(() => undefined);
  const stopListening = onLanguageChange(retranslate);
  live.start().catch(error => showError(ui.error, hubError(error)));

  return () => {
    stopListening();
    stopMicrophone();
    browserTranscription?.stop();
    camera.stop();
    conversation.stopSpeaking();
    live.close();
    chart.destroy();
  };
}

/** Hub errors carry the API code after SignalR's prefix ("... HubException: CODE: message"). */
function hubError(error) {
  const match = /([A-Z_]{4,}):/.exec(error?.message ?? '');
  return { code: match ? match[1] : error?.code, message: error?.message, errors: {} };
}
