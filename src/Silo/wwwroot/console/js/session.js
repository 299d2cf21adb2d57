// The live session console: microphone to the hub, the session's events to the screen.
import * as cards from './cards.js';
import { addEmotionPoint, emotionChart } from './charts.js';
import { el, showError, view } from './dom.js';
import { formatNumber, formatTime, language, onLanguageChange, t, term } from './i18n.js';
import { conversationPanel } from './conversation.js';
import { LiveSession } from './live.js';
import { startMicrophone } from './microphone.js';

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
  };
  const conversation = conversationPanel($('#conversation'), $('#counselor-speak'));
  const state = { snapshotSeq: 0, status: null, title: null, connection: 'connecting', speaking: false, emotion: null, micState: null };
  const events = [];
  const chart = emotionChart($('#emotion-chart'));
  const openedAt = performance.now();
  let typingStartedMs = null;
  let microphone = null;

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
        ui.emotion.textContent = term('emotion', data.label);
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
      case 'session_ended':
        if (event.seq > state.snapshotSeq) {
          setStatus('ended');
        }
        break;
      default:
        break;
    }
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
    chart.data.datasets[0].label = t('chart.valence');
    chart.data.datasets[1].label = t('chart.arousal');
    chart.update('none');
    ui.transcript.replaceChildren(...events.filter(e => e.type === 'transcript_segment').map(transcriptItem));
    ui.distortions.replaceChildren(...events.filter(e => e.type === 'distortion_detected').reverse().map(distortionCard));
    ui.interventions.replaceChildren(...events.filter(e => e.type === 'cbt_intervention').reverse().map(interventionCard));
  }

  async function command(method) {
    showError(ui.error, null);
    try {
      const snapshot = await live.invoke(method);
      setStatus(snapshot.status);
    } catch (error) {
      showError(ui.error, hubError(error));
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
    const segment = {
      clientSegmentId: crypto.randomUUID(),
      text,
      startMs: Math.min(typingStartedMs ?? endMs, endMs),
      endMs,
      language: ui.transcriptLanguage.value,
    };
    showError(ui.error, null);
    try {
      await live.invoke('SendTranscript', segment);
      ui.transcriptInput.value = '';
      typingStartedMs = null;
    } catch (error) {
      showError(ui.error, hubError(error));
    }
  });

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
  const stopListening = onLanguageChange(retranslate);
  live.start().catch(error => showError(ui.error, hubError(error)));

  return () => {
    stopListening();
    stopMicrophone();
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
