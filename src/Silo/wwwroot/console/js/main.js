// The console's shell: routes (/console/...), the header, sign-in and sign-up, the new-session form, and the language
// preference. Each route renders a view into <main> and returns a function that stops what it started.
import { ApiError, currentUser, getJson, isSignedIn, onSignedOut, postJson, putJson, signIn, signOut, signUp } from './api.js';
import { showError, view } from './dom.js';
import { language, setLanguage, t, translate } from './i18n.js';
import { renderAccount } from './account.js';
import { renderDashboard } from './dashboard.js';
import { renderHistory } from './history.js';
import { renderReport } from './report.js';
import { renderSession } from './session.js';

const base = '/console';
const main = document.getElementById('view');
const nav = document.getElementById('main-nav');
const languageSelect = document.getElementById('language');
let cleanup = () => undefined;
let preferences = null;
/** A message for the sign-in page after the account went away (its erasure), shown once. */
let signedOutNotice = null;
const announcer = document.getElementById('route-announcer');
let firstRenderDone = false;

const routes = [
  { pattern: /^\/?$/, render: () => renderDashboard(main) },
  { pattern: /^\/dashboard$/, render: () => renderDashboard(main) },
  { pattern: /^\/session$/, render: () => renderNewSession() },
  { pattern: /^\/session\/([0-9a-f]{32})$/, render: id => renderSession(main, id) },
  { pattern: /^\/report\/([0-9a-f]{32})$/, render: id => renderReport(main, id) },
  { pattern: /^\/history$/, render: () => renderHistory(main) },
  {
    pattern: /^\/account$/,
    render: () => renderAccount(main, {
      savePreferences: async changes => {
        await savePreferences(changes);
        applyLanguage(preferences.language);
        return preferences;
      },
      preferences: async () => (preferences ??= await getJson('/api/user/me/preferences')),
      erased: () => {
        signedOutNotice = 'account.deleted';
      },
    }),
  },
];

function navigate(path, { replace = false } = {}) {
  const url = path.startsWith(base) ? path : base + path;
  if (replace) {
    history.replaceState(null, '', url);
  } else {
    history.pushState(null, '', url);
  }
  render();
}

function render() {
  cleanup();
  cleanup = () => undefined;
  const path = location.pathname.slice(base.length) || '/';
  nav.hidden = !isSignedIn();
  if (!isSignedIn()) {
    renderAuth();
  } else {
    const route = routes.find(r => r.pattern.test(path));
    if (route) {
      cleanup = route.render(...path.match(route.pattern).slice(1)) ?? (() => undefined);
    } else {
      navigate('/', { replace: true });
      return;
    }
  }
  markCurrentLink();
  // A page change moves focus to the new page's heading, and screen readers hear its name. The first page of a visit
  // leaves focus where the browser puts it, at the top, so the skip link is the first stop.
  if (firstRenderDone) {
    const heading = main.querySelector('h1');
    heading?.focus();
    announcer.textContent = heading?.textContent || document.title;
  }
  firstRenderDone = true;
}

/** The navigation link of the page shown carries aria-current="page". */
function markCurrentLink() {
  for (const link of nav.querySelectorAll('a[href]')) {
    if (link.getAttribute('href') === location.pathname) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

function renderAuth() {
  main.replaceChildren(view('view-auth'));
  if (signedOutNotice) {
    main.querySelector('#sign-in-notice').textContent = t(signedOutNotice);
    signedOutNotice = null;
  }
  const signInForm = main.querySelector('#sign-in-form');
  const signUpForm = main.querySelector('#sign-up-form');
  signInForm.addEventListener('submit', event => submitAuth(event, signInForm, '#sign-in-error', form => signIn(form.email.value.trim(), form.password.value)));
  signUpForm.addEventListener('submit', event =>
    submitAuth(event, signUpForm, '#sign-up-error', async form => {
      await signUp(form.displayName.value.trim(), form.email.value.trim(), form.password.value);
      // A new account starts in the language chosen on this page.
      await savePreferences({ language: language() });
    }));
}

async function submitAuth(event, form, errorSelector, action) {
  event.preventDefault();
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  showError(main.querySelector(errorSelector), null);
  try {
    await action(form);
    await loadPreferences();
    render();
  } catch (error) {
    showError(main.querySelector(errorSelector), error);
    button.disabled = false;
  }
}

async function loadPreferences() {
  preferences = await getJson('/api/user/me/preferences');
  applyLanguage(preferences.language);
}

async function savePreferences(changes) {
  preferences ??= await getJson('/api/user/me/preferences');
  preferences = await putJson('/api/user/me/preferences', { ...preferences, ...changes });
}

function applyLanguage(next) {
  setLanguage(next);
  languageSelect.value = language();
}

function renderNewSession() {
  main.replaceChildren(view('view-new-session'));
  const form = main.querySelector('#new-session-form');
  const error = main.querySelector('#new-session-error');
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    showError(error, null);
    try {
      const session = await postJson('/api/session', {
        title: form.title.value.trim() || null,
        consent: { analysis: form.analysis.checked, storeTranscript: form.storeTranscript.checked },
        counselor: { mode: form.counselorMode.value },
      });
      navigate(`/session/${session.id}`);
    } catch (failure) {
      showError(error, failure);
      button.disabled = false;
    }
  });
}

document.addEventListener('click', event => {
  const link = event.target.closest('a[data-link]');
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  navigate(link.getAttribute('href'));
});

window.addEventListener('popstate', render);

document.getElementById('sign-out').addEventListener('click', async () => {
  await signOut();
});

onSignedOut(() => {
  preferences = null;
  render();
});

languageSelect.addEventListener('change', async () => {
  applyLanguage(languageSelect.value);
  if (isSignedIn() && currentUser()) {
    await savePreferences({ language: language() }).catch(error => {
      if (!(error instanceof ApiError)) {
        throw error;
      }
    });
  }
});

languageSelect.value = language();
translate();
render();
