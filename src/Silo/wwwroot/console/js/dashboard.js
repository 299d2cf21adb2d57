// The dashboard: polls /api/dashboard/summary every 15 s with If-None-Match, so an unchanged summary costs a 304.
import { authorized } from './api.js';
import { barChart } from './charts.js';
import { el, facts, showError, view } from './dom.js';
import { formatDateTime, formatNumber, formatTime, onLanguageChange, t, term } from './i18n.js';

const pollIntervalMs = 15_000;

export function renderDashboard(main) {
  main.replaceChildren(view('view-dashboard'));
  const $ = selector => main.querySelector(selector);
  const error = $('#dashboard-error');
  let summary = null;
  let etag = null;
  let updatedAt = null;
  let timer = 0;
  let closed = false;

  async function poll() {
    try {
      const response = await authorized('/api/dashboard/summary', { headers: etag ? { 'If-None-Match': etag } : {} });
      if (closed) {
        return;
      }
      if (response.status !== 304) {
        summary = await response.json();
        etag = response.headers.get('ETag');
      }
      updatedAt = new Date();
      showError(error, null);
      draw();
    } catch (failure) {
      if (!closed) {
        showError(error, failure);
      }
    } finally {
      if (!closed) {
        timer = setTimeout(poll, pollIntervalMs);
      }
    }
  }

  function draw() {
    if (!summary) {
      return;
    }
    $('#dashboard-updated').textContent = t('dashboard.updated', { time: formatTime(updatedAt) });
    facts($('#dashboard-totals'), [
      [t('dashboard.sessions'), formatNumber(summary.sessionCount)],
      [t('dashboard.ended'), formatNumber(summary.endedSessionCount)],
      [t('dashboard.minutes'), formatNumber(summary.totalActiveMinutes, 1)],
    ]);
    const weeks = sessionsPerWeek(summary);
    barChart($('#weekly-chart'), weeks.map(([week]) => week), t('chart.sessions'), weeks.map(([, count]) => count));
    const emotions = Object.entries(summary.emotionDistribution);
    barChart($('#dashboard-emotion-chart'), emotions.map(([label]) => term('emotion', label)), t('chart.sessions'), emotions.map(([, count]) => count), { horizontal: true });
    list($('#top-distortions'), summary.topDistortions, total =>
      el('li', { dataset: { type: total.type } }, `${term('distortion', total.type)} · ${formatNumber(total.count)}`));
    list($('#risk-flags'), summary.riskFlags, flag =>
      el('li', { dataset: { sessionId: flag.sessionId, level: flag.riskLevel } },
        el('a', { href: `/console/report/${flag.sessionId}`, 'data-link': true }, formatDateTime(flag.endedAt)), ` · ${term('risk', flag.riskLevel)}`));
    list($('#recent-sessions'), summary.recentSessions, entry => {
      const ended = entry.outcome !== null && entry.outcome !== undefined;
      const href = ended ? `/console/report/${entry.sessionId}` : `/console/session/${entry.sessionId}`;
      return el('li', { dataset: { sessionId: entry.sessionId } },
        el('a', { href, 'data-link': true }, entry.title || t('session.untitled')),
        ` · ${formatDateTime(entry.startedAt)}`,
        ended ? ` · ${term('emotion', entry.outcome.dominantEmotion)}` : ` · ${t('dashboard.live')}`);
    });
  }

  function list(element, items, render) {
    element.replaceChildren(...(items.length ? items.map(render) : [el('li', { class: 'empty' }, t('report.none'))]));
  }

  poll();
  const stopListening = onLanguageChange(draw);
  return () => {
    closed = true;
    clearTimeout(timer);
    stopListening();
  };
}

/** Sessions counted by the Monday of the week they started in, over the known sessions (recent and ended ones). */
function sessionsPerWeek(summary) {
  const starts = new Map();
  for (const entry of summary.recentSessions) {
    starts.set(entry.sessionId, entry.startedAt);
  }
  for (const outcome of summary.trend) {
    if (!starts.has(outcome.sessionId)) {
      starts.set(outcome.sessionId, outcome.endedAt);
    }
  }
  const weeks = new Map();
  for (const at of starts.values()) {
    const day = new Date(at);
    day.setHours(0, 0, 0, 0);
    day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
    const key = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    weeks.set(key, (weeks.get(key) ?? 0) + 1);
  }
  return [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b));
}
