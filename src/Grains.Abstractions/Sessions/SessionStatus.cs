namespace BeMore.Grains.Abstractions.Sessions;

/// <summary>Lifecycle of a counseling session: active &lt;-&gt; paused -&gt; ended.</summary>
[GenerateSerializer, Alias("bemore.SessionStatus")]
public enum SessionStatus
{
    Active = 0,
    Paused = 1,
    Ended = 2,
}
