// The end-of-session report: summary, charts, findings and the PDF/CSV downloads (fetched with the bearer token, then
// saved from a blob, because a plain link cannot carry the token).
import { authorized, getJson, postJson } from './api.js';
import { distortionCard, interventionCard } from './cards.js';
import { barChart, emotionChart, lineChart } from './charts.js';
import { downloadResponse, el, facts, showError, view } from './dom.js';
import { formatDateTime, formatDuration, formatNumber, formatTime, onLanguageChange, t, term } from './i18n.js';

export function renderReport(main, sessionId) {
  main.replaceChildren(view('view-report'));
  const $ = selector => main.querySelector(selector);
  const error = $('#report-error');
  let report = null;
  let closed = false;

  function draw() {
    $('#report-heading').textContent = t('report.title', { title: report.title || t('session.untitled') });
    facts($('#report-summary'), [
      [t('report.started'), formatDateTime(report.startedAt)],
      [t('report.duration'), formatDuration(report.activeDurationMs)],
      [t('report.words'), formatNumber(report.transcript.wordCount)],
      [t('report.dominant'), term('emotion', report.emotion.dominant)],
      [t('report.risk'), `${term('risk', report.overall.riskLevel)} (${report.overall.riskScore}/100)`],
    ]);
    const voice = report.voice;
    facts($('#report-voice'), [
      [t('report.speechRatio'), `${formatNumber(voice.speechRatio * 100)}%`],
      [t('report.utterances'), formatNumber(voice.utteranceCount)],
      [t('report.avgUtterance'), `${formatNumber(voice.avgUtteranceMs / 1000, 1)} s`],
      [t('report.longestPause'), `${formatNumber(voice.longestPauseMs / 1000, 1)} s`],
      [t('report.rate'), `${formatNumber(voice.speechRateWpm)} wpm`],
    ]);
    lineChart($('#voice-chart'), voice.timeline.map(p => formatTime(new Date(p.at))), t('chart.level'), voice.timeline.map(p => p.levelDb), { min: -90, max: 0 });
    emotionChart($('#report-emotion-chart'), report.emotion.timeline.map(p => ({ x: formatTime(new Date(p.at)), valence: p.valence, arousal: p.arousal })));
    const distribution = Object.entries(report.emotion.distribution);
    barChart($('#report-distribution-chart'), distribution.map(([label]) => term('emotion', label)), t('chart.share'),
      distribution.map(([, share]) => Math.round(share * 100)), { horizontal: true, percent: true });

    list($('#report-distortions'), report.distortions, finding =>
      distortionCard({ seq: finding.evidence.seq, type: finding.type, severity: finding.severity, confidence: finding.confidence, evidence: finding.evidence.text }));
    list($('#report-interventions'), report.interventions, interventionCard);
    list($('#report-observations'), report.overall.observations, text => el('li', {}, text));
    list($('#report-recommendations'), report.recommendations, text => el('li', {}, text));
    drawFeedback();
  }

  function list(element, items, render) {
    element.replaceChildren(...(items.length ? items.map(render) : [el('li', { class: 'empty' }, t('report.none'))]));
  }

  async function download(path, fallbackName) {
    showError(error, null);
    try {
      await downloadResponse(await authorized(path), fallbackName);
    } catch (failure) {
      showError(error, failure);
    }
  }

  /** Five radio buttons (one tab stop, arrow keys move between them, as native radios do) for the 1..5 rating. */
  function drawRatingOptions() {
    const chosen = main.querySelector('input[name=rating]:checked')?.value;
    $('#feedback-rating').replaceChildren(...[1, 2, 3, 4, 5].map(rating => el('label', { class: 'check' },
      el('input', { type: 'radio', name: 'rating', value: rating, id: `feedback-rating-${rating}`, checked: String(rating) === chosen }),
      el('span', {}, t('feedback.star', { count: rating })))));
  }

  function drawFeedback() {
    const previous = report?.feedback;
    $('#feedback-previous').textContent = previous ? t('feedback.previous', { rating: previous.rating }) : '';
  }

  const feedbackForm = $('#feedback-form');
  feedbackForm.addEventListener('submit', async event => {
    event.preventDefault();
    const rating = Number(main.querySelector('input[name=rating]:checked')?.value ?? 0);
    const button = $('#send-feedback');
    const feedbackError = $('#feedback-error');
    showError(feedbackError, null);
    $('#feedback-status').textContent = '';
    if (rating < 1) {
      showError(feedbackError, { code: 'VALIDATION_ERROR', errors: { rating: [t('feedback.rating')] } });
      main.querySelector('input[name=rating]')?.focus();
      return;
    }
    button.disabled = true;
    try {
      const comment = feedbackForm.comment.value.trim();
      await postJson(`/api/session/${sessionId}/feedback`, { rating, comment: comment || null });
      if (report) {
        report.feedback = { rating, comment: comment || null };
      }
      drawFeedback();
      $('#feedback-status').textContent = t('feedback.thanks');
    } catch (failure) {
      showError(feedbackError, failure);
    } finally {
      button.disabled = false;
    }
  });
  drawRatingOptions();

  $('#download-pdf').addEventListener('click', () => download(`/api/session/${sessionId}/report.pdf`, `bemore-report-${sessionId}.pdf`));
  $('#download-csv').addEventListener('click', () => {
    const kind = $('#csv-kind').value;
    download(`/api/session/${sessionId}/report.csv?kind=${kind}`, `bemore-${kind}-${sessionId}.csv`);
  });

  getJson(`/api/session/${sessionId}/report`)
    .then(loaded => {
      if (!closed) {
        report = loaded;
        draw();
      }
    })
    .catch(failure => showError(error, failure));
  const stopListening = onLanguageChange(() => {
    drawRatingOptions();
    if (report) {
      draw();
    }
  });
  return () => {
    closed = true;
    stopListening();
  };
}
