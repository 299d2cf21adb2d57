// Every session of the user, newest first, a page at a time (the server's cursor), searched by title and start date.
import { getJson } from './api.js';
import { el, showError, view } from './dom.js';
import { formatDateTime, onLanguageChange, t, term } from './i18n.js';

const pageSize = 20;

export function renderHistory(main) {
  main.replaceChildren(view('view-history'));
  const $ = selector => main.querySelector(selector);
  const form = $('#history-search');
  const list = $('#history-list');
  const more = $('#history-more');
  const error = $('#history-error');
  const count = $('#history-count');
  const sessions = [];
  let cursor = null;
  let search = new URLSearchParams();
  let loading = null;
  let closed = false;

  /** The search as query parameters: the dates are the person's local days, sent as instants (to is exclusive). */
  function readSearch() {
    const params = new URLSearchParams();
    const q = form.q.value.trim();
    if (q) {
      params.set('q', q);
    }
    if (form.from.value) {
      params.set('from', localDayStart(form.from.value).toISOString());
    }
    if (form.to.value) {
      const end = localDayStart(form.to.value);
      end.setDate(end.getDate() + 1);
      params.set('to', end.toISOString());
    }
    return params;
  }

  async function load({ append }) {
    const params = new URLSearchParams(search);
    params.set('limit', String(pageSize));
    if (append && cursor) {
      params.set('cursor', cursor);
    }
    showError(error, null);
    more.disabled = true;
    try {
      const page = await getJson(`/api/session?${params}`);
      if (closed) {
        return;
      }
      if (!append) {
        sessions.length = 0;
      }
      const firstNew = sessions.length;
      sessions.push(...page.items);
      cursor = page.nextCursor;
      draw();
      // After "show more", focus moves to the first newly shown session so a keyboard user carries on from there.
      if (append) {
        list.children[firstNew]?.querySelector('a')?.focus();
      }
    } catch (failure) {
      showError(error, failure);
    } finally {
      more.disabled = false;
    }
  }

  function draw() {
    list.replaceChildren(...(sessions.length ? sessions.map(item) : [el('li', { class: 'empty' }, t('history.empty'))]));
    count.textContent = t('history.count', { count: sessions.length });
    more.hidden = !cursor;
  }

  function item(session) {
    const ended = session.status === 'ended';
    const href = ended ? `/console/report/${session.id}` : `/console/session/${session.id}`;
    return el('li', { dataset: { sessionId: session.id, status: session.status } },
      el('a', { href, 'data-link': true }, session.title || t('session.untitled')),
      el('span', { class: 'meta' }, ` · ${formatDateTime(session.startedAt)} · ${t(`status.${session.status}`)}`,
        session.latestEmotion ? ` · ${term('emotion', session.latestEmotion.label)}` : ''));
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    search = readSearch();
    cursor = null;
    loading = load({ append: false });
  });
  form.addEventListener('reset', () => {
    search = new URLSearchParams();
    cursor = null;
    loading = load({ append: false });
  });
  more.addEventListener('click', () => {
    loading = load({ append: true });
  });

  loading = load({ append: false });
  const stopListening = onLanguageChange(draw);
  return () => {
    closed = true;
    stopListening();
    return loading;
  };
}

function localDayStart(isoDate) {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day);
}
