// Microphone capture: getUserMedia feeds an AudioWorklet that delivers 250 ms chunks of 16 kHz mono PCM16.

export const audioFormat = { encoding: 'pcm16', sampleRate: 16000, channels: 1 };
const chunkSamples = audioFormat.sampleRate / 4;

/** Starts capturing; onChunk receives each chunk's bytes (Uint8Array). Returns { stop() }. */
export async function startMicrophone(onChunk) {
  const stream = await navigator.mediaDevices.getUserMedia({
    // The server measures voice activity and timing: raw signal, no processing that reshapes levels.
    audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const context = new AudioContext();
  try {
    await context.audioWorklet.addModule('/console/js/pcm16-worklet.js');
    const source = context.createMediaStreamSource(stream);
    const downsampler = new AudioWorkletNode(context, 'pcm16-downsampler', {
      channelCount: 1,
      channelCountMode: 'explicit',
      processorOptions: { targetRate: audioFormat.sampleRate, chunkSamples },
    });
    downsampler.port.onmessage = event => onChunk(new Uint8Array(event.data));
    // Connected to the output through a muted gain so the graph keeps pulling the worklet, without any playback.
    const mute = new GainNode(context, { gain: 0 });
    source.connect(downsampler).connect(mute).connect(context.destination);
    await context.resume();
  } catch (error) {
    stream.getTracks().forEach(track => track.stop());
    await context.close();
    throw error;
  }
  return {
    async stop() {
      stream.getTracks().forEach(track => track.stop());
      await context.close();
    },
  };
}

/** Base64 of bytes: the JSON hub protocol carries byte[] stream items as base64 strings. */
export function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000));
  }
  return btoa(binary);
}
