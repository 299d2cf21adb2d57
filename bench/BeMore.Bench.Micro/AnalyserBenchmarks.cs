using BeMore.Domain.Analysis;
using BeMore.Domain.Voice;
using BenchmarkDotNet.Attributes;

namespace BeMore.Bench.Micro;

/// <summary>Voice activity and prosody (for voice emotion) at their unit of work: one second of audio.</summary>
[MemoryDiagnoser]
public class VoiceActivityBenchmarks
{
    private readonly List<VoiceActivityTransition> _transitions = [];
    private byte[] _oneSecond = [];
    private VoiceActivityDetector _detector = null!;
    private ProsodyTracker _prosody = null!;

    [GlobalSetup]
    public void Setup()
    {
        _oneSecond = BeMore.Bench.Load.SyntheticSpeech.Chunks().Take(1000 / BeMore.Bench.Load.SyntheticSpeech.ChunkMs).SelectMany(c => c).ToArray();
        _detector = new VoiceActivityDetector();
        _prosody = new ProsodyTracker();
    }

    /// <summary>Voice activity over one second of 16 kHz PCM16 (the detector keeps running, as in a live stream).</summary>
    [Benchmark]
    public int VoiceActivityPerSecondOfAudio()
    {
        _transitions.Clear();
        _detector.Process(_oneSecond, _transitions);
        return _transitions.Count;
    }

    /// <summary>Pitch and loudness of one second of the same audio, closing an utterance each time.</summary>
    [Benchmark]
    public long ProsodyPerSecondOfAudio()
    {
        _prosody.Process(_oneSecond);
        return _prosody.TakeUtterance()?.VoicedMs ?? 0;
    }
}

/// <summary>The text analysers at their unit of work: one sentence, in each language.</summary>
[MemoryDiagnoser]
public class TextAnalyserBenchmarks
{
    private readonly TextEmotionAnalyzer _emotion = new();

    [Params("en", "ko")]
    public string Language { get; set; } = "en";

    private string[] Text => Language == "ko" ? Sentences.Korean : Sentences.English;

    /// <summary>Cognitive-distortion detection, per sentence (averaged over the set).</summary>
    [Benchmark(OperationsPerInvoke = 8)]
    public int DistortionsPerSentence()
    {
        var found = 0;
        for (var i = 0; i < 8; i++)
        {
            found += DistortionDetector.Detect(Text[i % Text.Length]).Count;
        }

        return found;
    }

    /// <summary>
    /// What the live analysis runs on every segment with analysis consent: risk, distortions and text emotion together
    /// (the utterance model's prediction is shared between risk and distortions), per sentence.
    /// </summary>
    [Benchmark(OperationsPerInvoke = 8)]
    public int RiskDistortionsAndEmotionPerSentence()
    {
        var found = 0;
        for (var i = 0; i < 8; i++)
        {
            var text = Text[i % Text.Length];
            found += (int)RiskDetector.Assess(text).Level + DistortionDetector.Detect(text).Count + (int)_emotion.Analyze(text).Label;
        }

        return found;
    }

    /// <summary>Text emotion, per sentence (averaged over the set).</summary>
    [Benchmark(OperationsPerInvoke = 8)]
    public double EmotionPerSentence()
    {
        var valence = 0.0;
        for (var i = 0; i < 8; i++)
        {
            valence += _emotion.Analyze(Text[i % Text.Length]).Valence;
        }

        return valence;
    }
}
