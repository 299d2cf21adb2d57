namespace BeMore.Domain.Analysis;

public sealed record InterventionPolicyOptions
{
    /// <summary>At most one intervention per this interval, whatever its type.</summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The same distortion type is addressed at most once per this interval.</summary>
    public TimeSpan SameTypeInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A held intervention older than this is dropped at the pause: the moment has passed.</summary>
    public TimeSpan MaximumHold { get; init; } = TimeSpan.FromMinutes(2);
}

/// <summary>A Socratic question and a task addressing one detected distortion.</summary>
public sealed record Intervention(DistortionType Type, TextLanguage Language, string Question, BehaviouralTask Task, DistortionMatch Trigger);

public enum InterventionStatus
{
    Delivered,
    Held,
    NoDetection,
    GlobalCooldown,
    TypeCooldown,
    AlreadyHolding,
}

/// <param name="Intervention">The intervention delivered now, or prepared and held; null when suppressed.</param>
public sealed record InterventionDecision(InterventionStatus Status, Intervention? Intervention);

/// <summary>
/// Decides when an intervention reaches the client, from explicit times the caller passes in (so it
/// is deterministic and replayable): never more than one per minute, never the same type twice in
/// five minutes, never while the client is talking. One instance per session; not thread-safe.
/// </summary>
public sealed class InterventionPolicy(InterventionPolicyOptions options)
{
    private readonly Dictionary<DistortionType, DateTimeOffset> lastDeliveredByType = [];
    private readonly Dictionary<DistortionType, int> offeredByType = [];
    private DateTimeOffset? lastDelivered;
    private (Intervention Intervention, DateTimeOffset Since)? held;

    public InterventionPolicy()
        : this(new InterventionPolicyOptions())
    {
    }

    public Intervention? Held => held?.Intervention;

    /// <summary>
    /// Offers the distortions found in one utterance. The most severe, then most confident, one whose
    /// type is not cooling down is chosen; it is delivered now, or held while the user is speaking.
    /// </summary>
    public InterventionDecision Consider(IReadOnlyList<DistortionMatch> detections, TextLanguage language, DateTimeOffset now, bool userSpeaking)
    {
        ArgumentNullException.ThrowIfNull(detections);
        if (detections.Count == 0)
        {
            return new InterventionDecision(InterventionStatus.NoDetection, null);
        }

        if (held is not null)
        {
            return new InterventionDecision(InterventionStatus.AlreadyHolding, null);
        }

        if (lastDelivered is { } last && now - last < options.MinimumInterval)
        {
            return new InterventionDecision(InterventionStatus.GlobalCooldown, null);
        }

        var chosen = detections
            .Where(d => !lastDeliveredByType.TryGetValue(d.Type, out var at) || now - at >= options.SameTypeInterval)
            .OrderByDescending(d => d.Severity)
            .ThenByDescending(d => d.Confidence)
            .ThenBy(d => d.Type)
            .FirstOrDefault();
        if (chosen is null)
        {
            return new InterventionDecision(InterventionStatus.TypeCooldown, null);
        }

        var intervention = Prepare(chosen, language);
        if (userSpeaking)
        {
            held = (intervention, now);
            return new InterventionDecision(InterventionStatus.Held, intervention);
        }

        MarkDelivered(intervention, now);
        return new InterventionDecision(InterventionStatus.Delivered, intervention);
    }

    /// <summary>
    /// Called when the user pauses: delivers the held intervention (it was eligible when offered and
    /// nothing was delivered since), unless it has waited longer than the maximum hold.
    /// </summary>
    public Intervention? ReleaseHeld(DateTimeOffset now)
    {
        if (held is not { } pending)
        {
            return null;
        }

        held = null;
        if (now - pending.Since > options.MaximumHold)
        {
            return null;
        }

        MarkDelivered(pending.Intervention, now);
        return pending.Intervention;
    }

    /// <summary>Rotates through the type's questions and, from easiest to hardest, its tasks.</summary>
    private Intervention Prepare(DistortionMatch trigger, TextLanguage language)
    {
        var turn = offeredByType.GetValueOrDefault(trigger.Type);
        offeredByType[trigger.Type] = turn + 1;
        var questions = InterventionCatalog.Questions(trigger.Type, language);
        var tasks = InterventionCatalog.Tasks(trigger.Type, language);
        return new Intervention(trigger.Type, language, questions[turn % questions.Count], tasks[turn % tasks.Count], trigger);
    }

    private void MarkDelivered(Intervention intervention, DateTimeOffset now)
    {
        lastDelivered = now;
        lastDeliveredByType[intervention.Type] = now;
    }
}
