// The live connection of one session: joins the session on the hub, hands its events to the page exactly once and in
// seq order, reconnects by itself after a network drop and then catches up with every event after the last one seen
// (JoinSession's `missed`, and the REST event list for any gap in between). Microphone audio captured while the
// connection is down waits in memory and is sent, in order and ahead of newer audio, once the session is caught up.
import { accessToken, getJson } from './api.js';
import { audioFormat, toBase64 } from './microphone.js';

const hubPath = '/hubs/session';
const gapFillDelayMs = 300;
const retryAfterCloseMs = 3_000;
const audioBytesPerSecond = audioFormat.sampleRate * 2 * audioFormat.channels;
// Up to a minute of speech survives a network drop; beyond that the oldest audio goes.
const maxBacklogBytes = 60 * audioBytesPerSecond;
// A backlog goes out at twice real time: it catches up while staying well under the server's per-connection audio rate.
const sendBytesPerSecond = 2 * audioBytesPerSecond;
const sendBurstBytes = audioBytesPerSecond;

export class LiveSession {
  /**
   * @param {string} sessionId
   * @param {{ onEvent(event): void, onSnapshot(snapshot): void, onConnection(state): void, onError(error): void,
   *   onAudio(audio: { capturedMs: number, bufferedMs: number, droppedMs: number }): void }} handlers
   */
  constructor(sessionId, handlers) {
    this.sessionId = sessionId;
    this.handlers = handlers;
    this.lastSeq = 0;
    this.pending = new Map();
    this.gapTimer = 0;
    this.retryTimer = 0;
    this.audio = null;
    this.wantsAudio = false;
    this.backlog = [];
    this.backlogBytes = 0;
    this.capturedBytes = 0;
    this.droppedBytes = 0;
    this.sendAllowance = sendBurstBytes;
    this.sendAllowanceAt = performance.now();
    this.sendTimer = 0;
    this.closed = false;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(hubPath, {
        accessTokenFactory: () => accessToken(),
        transport: signalR.HttpTransportType.WebSockets,
        skipNegotiation: true,
      })
      // Keep trying quickly (a phone changing networks): 0.5 s, 1 s, 2 s, then every 5 s, for up to ten minutes.
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: retry => (retry.elapsedMilliseconds > 600_000 ? null : Math.min(500 * 2 ** retry.previousRetryCount, 5_000)),
      })
      .configureLogging(signalR.LogLevel.None)
      .build();
    this.connection.on('SessionEvent', event => this.receive(event));
    this.connection.on('SessionLive', message => handlers.onLive?.(message));
    this.connection.onreconnecting(() => {
      this.audio = null;
      handlers.onConnection('reconnecting');
    });
    this.connection.onreconnected(() => this.join().catch(error => handlers.onError(error)));
    this.connection.onclose(() => {
      this.audio = null;
      if (!this.closed) {
        handlers.onConnection('disconnected');
        // Reconnecting gave up or the server closed the connection (e.g. the access token expired): start afresh.
        this.retryTimer = setTimeout(() => this.start().catch(error => handlers.onError(error)), retryAfterCloseMs);
      }
    });
  }

  /** Connects and joins; a server that cannot be reached is tried again every few seconds until close(). */
  async start() {
    if (this.closed) {
      return;
    }
    this.handlers.onConnection('connecting');
    try {
      await this.connection.start();
    } catch {
      this.handlers.onConnection('disconnected');
      this.retryTimer = setTimeout(() => this.start().catch(error => this.handlers.onError(error)), retryAfterCloseMs);
      return;
    }
    await this.join();
  }

  async close() {
    this.closed = true;
    clearTimeout(this.gapTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.sendTimer);
    this.stopAudio();
    await this.connection.stop();
  }

  invoke(method, ...args) {
    return this.connection.invoke(method, this.sessionId, ...args);
  }

  /** Streams microphone chunks while the session is active and the connection is up; resumes after a reconnect. */
  setAudioWanted(wanted) {
    this.wantsAudio = wanted;
    if (wanted) {
      this.startAudio();
    } else {
      this.stopAudio();
    }
  }

  /**
   * A microphone chunk while the session is active: sent on the open upload stream, or kept (bounded, oldest dropped
   * first) while there is none because the connection is down. Paused or ended, nothing is recorded.
   */
  sendAudio(bytes) {
    if (!this.wantsAudio) {
      return;
    }
    this.capturedBytes += bytes.byteLength;
    this.backlog.push(bytes);
    this.backlogBytes += bytes.byteLength;
    while (this.backlogBytes > maxBacklogBytes) {
      const oldest = this.backlog.shift();
      this.backlogBytes -= oldest.byteLength;
      this.droppedBytes += oldest.byteLength;
    }
    this.pumpAudio();
  }

  /** Sends waiting chunks, oldest first, as fast as the send rate allows; comes back later for the rest. */
  pumpAudio() {
    clearTimeout(this.sendTimer);
    this.sendTimer = 0;
    if (this.audio) {
      const now = performance.now();
      this.sendAllowance = Math.min(sendBurstBytes, this.sendAllowance + ((now - this.sendAllowanceAt) * sendBytesPerSecond) / 1000);
      this.sendAllowanceAt = now;
      while (this.backlog.length > 0 && this.sendAllowance >= this.backlog[0].byteLength) {
        const chunk = this.backlog.shift();
        this.backlogBytes -= chunk.byteLength;
        this.sendAllowance -= chunk.byteLength;
        this.audio.next(toBase64(chunk));
      }
      if (this.backlog.length > 0) {
        const waitMs = ((this.backlog[0].byteLength - this.sendAllowance) * 1000) / sendBytesPerSecond;
        this.sendTimer = setTimeout(() => this.pumpAudio(), Math.ceil(waitMs));
      }
    }
    this.reportAudio();
  }

  reportAudio() {
    this.handlers.onAudio({
      capturedMs: toMs(this.capturedBytes),
      bufferedMs: toMs(this.backlogBytes),
      droppedMs: toMs(this.droppedBytes),
    });
  }

  startAudio() {
    if (this.audio || !this.wantsAudio || this.connection.state !== signalR.HubConnectionState.Connected) {
      return;
    }
    const subject = new signalR.Subject();
    this.audio = subject;
    this.upload = this.connection.invoke('UploadAudio', this.sessionId, audioFormat, subject).catch(() => {
      if (this.audio === subject) {
        this.audio = null;
      }
    });
    this.pumpAudio();
  }

  /**
   * Before a pause or the end: the stream closes and the server's answer is awaited, so the audio sent so far is
   * counted (where it ended is a fact of the session) before the session stops taking audio.
   */
  async finishAudio() {
    const upload = this.audio ? this.upload : null;
    this.stopAudio();
    await upload;
  }

  /** Paused or ended: the stream closes, and audio still waiting is not sent (the server would refuse it). */
  stopAudio() {
    const subject = this.audio;
    this.audio = null;
    clearTimeout(this.sendTimer);
    this.sendTimer = 0;
    this.backlog = [];
    this.backlogBytes = 0;
    this.reportAudio();
    subject?.complete();
  }

  /**
   * Joins (again after a reconnect) from the last event seen. A join answers a bounded page of missed events; while it
   * says `hasMore`, the page joins again from the last of them, so a long absence is caught up in order.
   */
  async join() {
    let joined = null;
    let more = true;
    while (more) {
      const afterSeq = this.lastSeq;
      const page = await this.connection.invoke('JoinSession', this.sessionId, afterSeq);
      if (!joined) {
        // The first answer's snapshot is the state the missed events lead up to; it is shown before they replay.
        joined = page;
        this.handlers.onSnapshot(page.snapshot);
      }
      for (const event of page.missed) {
        this.receive(event);
      }
      // A page that moved nothing forward (its events wait behind a gap, which the REST list fills) is not asked again.
      more = page.hasMore && this.lastSeq > afterSeq;
    }
    this.handlers.onConnection('connected');
    if (joined.snapshot.status === 'active') {
      this.startAudio();
    }
  }

  /** Delivers events in seq order, each once; a gap left open briefly is filled from the REST event list. */
  receive(event) {
    if (event.seq <= this.lastSeq) {
      return;
    }
    this.pending.set(event.seq, event);
    this.drain();
    if (this.pending.size > 0 && !this.gapTimer) {
      this.gapTimer = setTimeout(() => this.fillGap().catch(() => undefined), gapFillDelayMs);
    }
  }

  drain() {
    while (this.pending.has(this.lastSeq + 1)) {
      const next = this.pending.get(this.lastSeq + 1);
      this.pending.delete(next.seq);
      this.lastSeq = next.seq;
      this.handlers.onEvent(next);
    }
  }

  async fillGap() {
    this.gapTimer = 0;
    while (this.pending.size > 0 && !this.closed) {
      const page = await getJson(`/api/session/${this.sessionId}/events?after=${this.lastSeq}&limit=500`);
      if (page.length === 0) {
        return;
      }
      for (const event of page) {
        if (event.seq > this.lastSeq) {
          this.pending.set(event.seq, event);
        }
      }
      this.drain();
    }
  }
}

function toMs(bytes) {
  return Math.round((bytes * 1000) / audioBytesPerSecond);
}
