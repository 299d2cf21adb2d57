// Runs MediaPipe Face Mesh inside the sandboxed face frame. Its policy (BeMore:Security:Headers:FaceFrameContentSecurityPolicy)
// lets MediaPipe's wasm glue build functions from strings, which the console's own policy forbids; the frame is an
// opaque origin that holds no token and cannot reach the console. It takes camera frames (ImageBitmaps) from the page
// that embeds it and answers each with the 468 landmarks of one face as numbers, or null when it sees no face.
'use strict';

(() => {
  const pointCount = 468;
  const faceMesh = new FaceMesh({ locateFile: file => `/console/lib/face_mesh/${file}` });
  faceMesh.setOptions({ maxNumFaces: 1, refineLandmarks: false, minDetectionConfidence: 0.5, minTrackingConfidence: 0.5 });
  let latest = null;
  faceMesh.onResults(results => {
    latest = results.multiFaceLandmarks?.[0] ?? null;
  });

  const ready = faceMesh.initialize().then(
    () => parent.postMessage({ type: 'ready' }, '*'),
    error => parent.postMessage({ type: 'failed', reason: String(error?.message ?? error) }, '*'));

  // Only the embedding console talks to the frame; frame-ancestors 'self' keeps every other page from embedding it.
  addEventListener('message', async event => {
    if (event.source !== parent || !(event.data?.frame instanceof ImageBitmap)) {
      return;
    }
    const frame = event.data.frame;
    await ready;
    try {
      latest = null;
      await faceMesh.send({ image: frame });
      parent.postMessage({ type: 'landmarks', points: latest ? flatten(latest) : null }, '*');
    } catch (error) {
      parent.postMessage({ type: 'failed', reason: String(error?.message ?? error) }, '*');
    } finally {
      frame.close();
    }
  });

  function flatten(landmarks) {
    const points = new Float64Array(pointCount * 3);
    for (let i = 0; i < pointCount; i++) {
      points[i * 3] = landmarks[i].x;
      points[i * 3 + 1] = landmarks[i].y;
      points[i * 3 + 2] = landmarks[i].z;
    }
    return points;
  }
})();
