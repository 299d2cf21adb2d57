namespace BeMore.Grains.Abstractions.Counseling;

/// <summary>
/// What a user's turn does besides voicing feelings and thoughts, as the counselor answers it: a step they mean to take,
/// something they have noticed about their own thinking, the end of the conversation, or a reassurance ("don't worry,
/// I'm not going to do anything") that answers an earlier safety question, or daily life slipping (sleep, meals, activity).
/// </summary>
[Flags]
[GenerateSerializer, Alias("bemore.TurnMoves")]
public enum TurnMoves
{
    None = 0,
    Plan = 1,
    Insight = 2,
    Closing = 4,
    Reassurance = 8,

    /// <summary>Daily life slipping: sleep, meals, activity, things they stopped doing (behavioural activation's ground).</summary>
    DailyLife = 16,
}
