// Runs on the audio thread: turns the microphone's float samples (at the context's rate, e.g. 48 kHz) into 16 kHz mono
// PCM16 and posts one chunk of `chunkSamples` samples (250 ms) at a time to the page.
class Pcm16Downsampler extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const { targetRate = 16000, chunkSamples = 4000 } = options.processorOptions ?? {};
    // Input samples per output sample; each output sample is the mean of the inputs it covers, a box filter that
    // removes most of what would alias above the new Nyquist frequency.
    this.step = sampleRate / targetRate;
    this.chunkSamples = chunkSamples;
    this.chunk = new Int16Array(chunkSamples);
    this.filled = 0;
    this.position = 0;
    this.sum = 0;
    this.count = 0;
  }

  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0) {
      return true;
    }
    const samples = channels[0];
    for (let i = 0; i < samples.length; i++) {
      this.sum += samples[i];
      this.count++;
      this.position++;
      if (this.position >= this.step) {
        this.position -= this.step;
        const mean = Math.max(-1, Math.min(1, this.sum / this.count));
        this.chunk[this.filled++] = mean < 0 ? mean * 0x8000 : mean * 0x7fff;
        this.sum = 0;
        this.count = 0;
        if (this.filled === this.chunkSamples) {
          this.port.postMessage(this.chunk.buffer, [this.chunk.buffer]);
          this.chunk = new Int16Array(this.chunkSamples);
          this.filled = 0;
        }
      }
    }
    return true;
  }
}

registerProcessor('pcm16-downsampler', Pcm16Downsampler);
