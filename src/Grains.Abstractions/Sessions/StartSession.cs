namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>Starts a session owned by <paramref name="OwnerId"/>; the grain key is the session id.</summary>
[GenerateSerializer, Immutable, Alias("bemore.StartSession")]
public sealed record StartSession(
    [property: Id(0)] string OwnerId,
    [property: Id(1)] string? Title,
    [property: Id(2)] SessionConsent Consent,
    [property: Id(3)] Counseling.CounselorMode Counselor = Counseling.CounselorMode.OnRequest);
