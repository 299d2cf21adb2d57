namespace BeMore.Grains.Abstractions.Counseling;

/// <summary>
/// What a user's turn does besides voicing feelings and thoughts, as the counselor answers it: a step they mean to take,
/// something they have noticed about their own thinking, the end of the conversation, or a reassurance ("don't worry,
/// I'm not going to do anything") that answers an earlier safety question, or daily life slipping (sleep, meals, activity),
/// or a direct question put to the counselor, which a reply must answer rather than pass over.
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

    /// <summary>Asks what to do ("should I tell her now or after the holidays?"): the choice is theirs, the thinking shared.</summary>
    AsksWhatToDo = 32,

    /// <summary>Asks whether what they feel is normal ("am I too sensitive?").</summary>
    AsksIfNormal = 64,

    /// <summary>Asks how to cope with something ("how do I stop replaying it at night?").</summary>
    AsksHow = 128,

    /// <summary>Asks a medical question (medication, a diagnosis, postpartum mood): for a doctor, not for this chat.</summary>
    AsksMedical = 256,

    /// <summary>Asks about the counselor itself (a person or an AI, who reads this, is it kept).</summary>
    AsksAboutCounselor = 512,

    /// <summary>Doubts the method or the homework ("does writing it down even help?"): a fair question, answered with why it works.</summary>
    DoubtsTheMethod = 1024,
}
