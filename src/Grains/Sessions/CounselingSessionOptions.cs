using System.ComponentModel.DataAnnotations;
using BeMore.Grains.Abstractions.Reports;

namespace BeMore.Grains.Sessions;

/// <summary>Session lifecycle settings (<c>BeMore:Sessions</c>).</summary>
public sealed class CounselingSessionOptions
{
    public const string SectionName = "BeMore:Sessions";

    /// <summary>An active session with no input for this long is paused.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan IdlePauseAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session with no input for this long is ended, so a closed browser never leaves it open forever.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the idle sweep looks through the open sessions; Orleans reminders tick at most once a minute.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan IdleCheckPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Emotion updates are fused and pushed at most this often, and only when new data arrived.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan EmotionInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An <c>analysis_result</c> rollup at most this often, and only when something happened since the last one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AnalysisResultInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often an active session's timer looks for work that is due: a throttled emotion update, a rollup, a held
    /// intervention whose refinement is overdue. It runs on the silo's clock; what is due is decided on the domain clock.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan AnalysisTick { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most one intervention this often, whatever its type.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan InterventionInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The same distortion type is addressed at most once this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SameTypeInterventionInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Fusion weight of the face modality; weights are renormalized over the modalities present.</summary>
    [Range(0.0, 1.0)]
    public double FaceWeight { get; set; } = 0.5;

    [Range(0.0, 1.0)]
    public double VoiceWeight { get; set; } = 0.3;

    [Range(0.0, 1.0)]
    public double TextWeight { get; set; } = 0.2;

    /// <summary>
    /// The crisis line an English risk alert and safety reply carry; unset keeps the built-in one
    /// (<see cref="SafetyTexts.CrisisLine"/>). When set, it also serves a language without a line of its own, so an
    /// operator outside Korea who sets only this never has Korean speakers sent to Korean numbers.
    /// </summary>
    public string? CrisisLine { get; set; }

    /// <summary>The crisis line for people addressed in Korean; unset falls back as <see cref="CrisisLine"/> says.</summary>
    public string? CrisisLineKorean { get; set; }

    /// <summary>The crisis line to give someone addressed in <paramref name="language"/> (a report language code).</summary>
    public string CrisisLineIn(string language)
    {
        var own = language == ReportTerms.Korean ? CrisisLineKorean : CrisisLine;
        return Configured(own) ?? Configured(CrisisLine) ?? SafetyTexts.CrisisLine.In(language);
    }

    private static string? Configured(string? line) => string.IsNullOrWhiteSpace(line) ? null : line;
}
