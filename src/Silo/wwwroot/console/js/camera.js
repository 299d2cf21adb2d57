// The opt-in camera card: face landmarks are computed in this browser by MediaPipe Face Mesh (in the sandboxed face
// frame, /console/face/frame.html) about twice a second, and only those numbers go to the server, batched into
// SendLandmarks calls within the hub's limits. No picture leaves the device. The camera runs exactly while the person
// has it switched on and the session is active; it stops on pause, on the end and when the page is left.
import { t } from './i18n.js';

const pointCount = 468;
const frameIntervalMs = 500;
// Four frames (two seconds) per call: well within the hub's 1..10 frames and its message limit (a frame is ~13 KB of
// JSON with five decimals). The first frame goes alone, so a session that refuses face frames says so at once.
const framesPerCall = 4;
const decimals = 1e5;
const frameUrl = '/console/face/frame.html';

/** What this browser lacks for the camera card: 'camera', 'webgl' or null. */
export function cameraMissing() {
  if (!navigator.mediaDevices?.getUserMedia) {
    return 'camera';
  }
  const canvas = document.createElement('canvas');
  return canvas.getContext('webgl2') || canvas.getContext('webgl') ? null : 'webgl';
}

/**
 * Wires the camera card.
 * @param {ParentNode} card
 * @param {{ now(): number, send(frames: { tsMs: number, points: number[][] }[]): Promise<void>,
 *   onRefused(error): boolean }} options onRefused answers true when the refusal ends the camera (e.g. FORBIDDEN).
 */
export function cameraCard(card, { now, send, onRefused }) {
  const $ = selector => card.querySelector(selector);
  const ui = {
    offer: $('#camera-offer'),
    toggle: $('#camera-toggle'),
    unavailable: $('#camera-unavailable'),
    optedOut: $('#camera-opted-out'),
    indicator: $('#camera-indicator'),
    state: $('#camera-state'),
    preview: $('#camera-preview'),
    previewToggle: $('#camera-preview-toggle'),
    frameHost: $('#camera-frame-host'),
  };
  const missing = cameraMissing();
  let active = false;
  let faceEmotionOn = true;
  let running = null;
  let state = { key: null, params: {} };

  ui.offer.hidden = missing !== null;
  ui.unavailable.hidden = missing === null;
  if (missing) {
    ui.unavailable.textContent = t(`camera.missing.${missing}`);
  }

  function show(key, params = {}) {
    state = { key, params };
    const text = key ? t(key, params) : '';
    if (ui.state.textContent !== text) {
      ui.state.textContent = text;
    }
  }

  function showIndicator() {
    const on = running !== null && running.stream !== null;
    ui.indicator.dataset.state = on ? 'on' : 'off';
    ui.indicator.textContent = on ? t('camera.on') : t('camera.off');
    ui.previewToggle.hidden = !on;
  }

  function showPreviewToggle() {
    const hidden = ui.preview.hidden;
    ui.previewToggle.textContent = hidden ? t('camera.showPreview') : t('camera.hidePreview');
    ui.previewToggle.setAttribute('aria-pressed', String(hidden));
  }

  function update() {
    const wanted = missing === null && faceEmotionOn && ui.toggle.checked && active;
    if (wanted && !running) {
      running = start();
    } else if (!wanted && running) {
      stop();
    }
  }

  function start() {
    const run = { stream: null, frame: null, timer: 0, stopped: false, batch: [], lastTsMs: -1, sentAny: false, waiting: null };
    show('camera.starting');
    begin(run).catch(error => {
      if (!run.stopped) {
        finish(run, cameraError(error));
      }
    });
    return run;
  }

  async function begin(run) {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 320, height: 240, facingMode: 'user' }, audio: false });
    if (run.stopped) {
      stream.getTracks().forEach(track => track.stop());
      return;
    }
    run.stream = stream;
    ui.preview.srcObject = stream;
    showIndicator();
    await ui.preview.play().catch(() => undefined);
    run.frame = await openFrame(run);
    if (!run.stopped) {
      show('camera.looking');
      tick(run);
    }
  }

  /** The sandboxed frame that runs Face Mesh; resolves once its model is loaded. */
  function openFrame(run) {
    const frame = document.createElement('iframe');
    frame.src = frameUrl;
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.title = t('camera.frameTitle');
    frame.hidden = true;
    return new Promise((resolve, reject) => {
      run.onMessage = event => {
        if (event.source !== frame.contentWindow) {
          return;
        }
        const message = event.data ?? {};
        if (message.type === 'ready') {
          resolve(frame);
        } else if (message.type === 'failed') {
          reject(new Error(message.reason));
          run.waiting?.(null);
        } else if (message.type === 'landmarks') {
          run.waiting?.(message.points);
        }
      };
      window.addEventListener('message', run.onMessage);
      ui.frameHost.append(frame);
    });
  }

  /** One frame about every half second; the next is taken only once the last one is answered. */
  async function tick(run) {
    const startedAt = performance.now();
    try {
      if (ui.preview.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
        const bitmap = await createImageBitmap(ui.preview);
        const points = await landmarks(run, bitmap);
        if (run.stopped) {
          return;
        }
        if (points) {
          show('camera.face');
          await add(run, points);
        } else {
          show('camera.noFace');
        }
      }
    } catch (error) {
      if (!run.stopped) {
        finish(run, cameraError(error));
      }
      return;
    }
    if (!run.stopped) {
      run.timer = setTimeout(() => tick(run), Math.max(0, frameIntervalMs - (performance.now() - startedAt)));
    }
  }

  function landmarks(run, bitmap) {
    return new Promise(resolve => {
      run.waiting = points => {
        run.waiting = null;
        resolve(points);
      };
      run.frame.contentWindow.postMessage({ frame: bitmap }, '*', [bitmap]);
    });
  }

  /** Adds a frame of 468 [x, y, z] points (rounded) at a strictly later time, and sends a full batch. */
  async function add(run, flat) {
    if (!(flat?.length === pointCount * 3) || !flat.every(Number.isFinite)) {
      return;
    }
    const points = [];
    for (let i = 0; i < pointCount; i++) {
      points.push([round(flat[i * 3]), round(flat[i * 3 + 1]), round(flat[i * 3 + 2])]);
    }
    const tsMs = Math.max(Math.round(now()), run.lastTsMs + 1);
    run.lastTsMs = tsMs;
    run.batch.push({ tsMs, points });
    if (run.batch.length >= (run.sentAny ? framesPerCall : 1)) {
      const frames = run.batch;
      run.batch = [];
      run.sentAny = true;
      try {
        await send(frames);
      } catch (error) {
        // A refusal that ends face analysis for this session (no analysis consent) stops the camera; anything else (a
        // connection that is down, a session that just paused) only loses these frames.
        if (onRefused(error)) {
          finish(run, null);
        }
      }
    }
  }

  /** Stops this run: the camera is released, the frame removed; a reason is shown. */
  function finish(run, reasonKey) {
    if (running === run) {
      ui.toggle.checked = false;
    }
    release(run);
    if (running === run) {
      running = null;
    }
    show(reasonKey);
    showIndicator();
  }

  function release(run) {
    run.stopped = true;
    clearTimeout(run.timer);
    run.waiting?.(null);
    run.stream?.getTracks().forEach(track => track.stop());
    run.stream = null;
    if (run.onMessage) {
      window.removeEventListener('message', run.onMessage);
    }
    run.frame?.remove();
    run.frame = null;
    if (ui.preview.srcObject) {
      ui.preview.srcObject = null;
    }
  }

  function stop() {
    if (running) {
      release(running);
      running = null;
    }
    show(null);
    showIndicator();
  }

  ui.toggle.addEventListener('change', update);
  ui.previewToggle.addEventListener('click', () => {
    ui.preview.hidden = !ui.preview.hidden;
    showPreviewToggle();
  });
  showIndicator();
  showPreviewToggle();

  return {
    /** The camera may run only while the session is active. */
    setActive(isActive) {
      active = isActive;
      update();
    },
    stop,
    /** With face emotion switched off in the account's preferences the server ignores face frames: no camera then. */
    setFaceEmotion(on) {
      faceEmotionOn = on;
      ui.toggle.disabled = !on;
      ui.optedOut.hidden = on || missing !== null;
      update();
    },
    retranslate() {
      show(state.key, state.params);
      showIndicator();
      showPreviewToggle();
      if (missing) {
        ui.unavailable.textContent = t(`camera.missing.${missing}`);
      }
    },
  };
}

function round(value) {
  return Math.round(value * decimals) / decimals;
}

function cameraError(error) {
  switch (error?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'camera.denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'NotReadableError':
      return 'camera.notFound';
    default:
      return 'camera.failed';
  }
}
