// The REST API and the signed-in state. Tokens live in this module's memory only (never in localStorage or cookies):
// the access token is renewed silently with the refresh token before it expires; a reload asks to sign in again.

/** An API refusal: the problem-details body's stable code, status and message. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code ?? (status === 0 ? 'NETWORK' : 'UNKNOWN');
    this.errors = problem?.errors ?? {};
  }
}

const auth = { accessToken: null, refreshToken: null, renewAt: 0, user: null, timer: 0, refreshing: null };
const signedOutListeners = new Set();

/** Renew when this much of the access token's lifetime is left (or a quarter of it, for short lifetimes). */
const refreshMarginMs = 60_000;

export function currentUser() {
  return auth.user;
}

export function isSignedIn() {
  return auth.accessToken !== null;
}

export function onSignedOut(listener) {
  signedOutListeners.add(listener);
}

export async function signUp(displayName, email, password) {
  await accept(await send('/api/auth/signup', { method: 'POST', json: { displayName, email, password }, anonymous: true }));
}

export async function signIn(email, password) {
  await accept(await send('/api/auth/login', { method: 'POST', json: { email, password }, anonymous: true }));
}

export async function signOut() {
  const refreshToken = auth.refreshToken;
  forget();
  if (refreshToken) {
    // Best effort: the tokens are already gone from this page either way.
    await send('/api/auth/logout', { method: 'POST', json: { refreshToken }, anonymous: true }).catch(() => undefined);
  }
}

/** A valid access token, renewed first when it is about to expire (used by the live hub on every (re)connect). */
export async function accessToken() {
  if (auth.accessToken && Date.now() >= auth.renewAt) {
    await refresh();
  }
  if (!auth.accessToken) {
    throw new ApiError(401, { code: 'UNAUTHORIZED' });
  }
  return auth.accessToken;
}

/** JSON from an authenticated route. */
export async function getJson(path) {
  const response = await authorized(path);
  return response.json();
}

export async function postJson(path, json) {
  const response = await authorized(path, { method: 'POST', json });
  return response.status === 204 ? null : response.json();
}

export async function putJson(path, json) {
  const response = await authorized(path, { method: 'PUT', json });
  return response.json();
}

/** The raw response of an authenticated request (for ETags and file downloads); refusals throw ApiError. */
export async function authorized(path, options = {}) {
  const response = await send(path, { ...options, token: await accessToken() });
  if (response.status !== 401 || !auth.refreshToken) {
    return checked(response);
  }
  // The token was refused (expired or revoked early): renew once and retry.
  await refresh();
  return checked(await send(path, { ...options, token: await accessToken() }));
}

async function send(path, { method = 'GET', json, headers = {}, token, anonymous = false } = {}) {
  const init = { method, headers: { ...headers }, credentials: 'same-origin', cache: 'no-store' };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  }
  if (token && !anonymous) {
    init.headers.Authorization = `Bearer ${token}`;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, null);
  }
  return anonymous ? checked(response) : response;
}

async function checked(response) {
  if (response.ok || response.status === 304) {
    return response;
  }
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    problem = null;
  }
  throw new ApiError(response.status, problem);
}

async function accept(response) {
  const body = await response.json();
  auth.user = body.user;
  remember(body);
}

function remember({ accessToken, refreshToken, expiresIn }) {
  auth.accessToken = accessToken;
  auth.refreshToken = refreshToken;
  const renewInMs = expiresIn * 1000 - Math.min(refreshMarginMs, expiresIn * 250);
  auth.renewAt = Date.now() + renewInMs;
  clearTimeout(auth.timer);
  auth.timer = setTimeout(() => refresh().catch(() => undefined), renewInMs);
}

/** One renewal at a time: every caller waiting during it shares its outcome (a refresh token is spent on use). */
function refresh() {
  auth.refreshing ??= (async () => {
    try {
      const response = await send('/api/auth/refresh', { method: 'POST', json: { refreshToken: auth.refreshToken }, anonymous: true });
      remember(await response.json());
    } catch (error) {
      if (error instanceof ApiError && error.status !== 0) {
        forget();
      }
      throw error;
    } finally {
      auth.refreshing = null;
    }
  })();
  return auth.refreshing;
}

function forget() {
  const wasSignedIn = auth.accessToken !== null;
  clearTimeout(auth.timer);
  Object.assign(auth, { accessToken: null, refreshToken: null, renewAt: 0, user: null, timer: 0 });
  if (wasSignedIn) {
    for (const listener of signedOutListeners) {
      listener();
    }
  }
}
