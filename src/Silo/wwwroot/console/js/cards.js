// The cards of thinking patterns (distortions) and of questions/tasks, alike on the live console and in the report.
import { el } from './dom.js';
import { formatNumber, t, term } from './i18n.js';

/** A distortion: its type, severity, confidence and (when the transcript is kept) the words that showed it. */
export function distortionCard({ seq, type, severity, confidence, evidence }) {
  return el('li', { class: 'card-item distortion', dataset: { seq, type } },
    el('h3', {}, term('distortion', type)),
    el('p', { class: 'meta' }, t('session.severity', { severity: term('severity', severity) }), ` · ${formatNumber(confidence * 100)}%`),
    evidence ? el('p', {}, t('session.evidence', { text: evidence })) : null);
}

/** A Socratic question or a behavioural task offered for a distortion. */
export function interventionCard({ seq, kind, distortionType, text }) {
  return el('li', { class: `card-item intervention ${kind}`, dataset: { seq, kind } },
    el('h3', {}, kind === 'task' ? t('session.task') : t('session.question'), ' · ', term('distortion', distortionType)),
    el('p', {}, text));
}
