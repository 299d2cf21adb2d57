using BeMore.Grains.Abstractions.Users;

namespace BeMore.Grains.Users;

[GenerateSerializer, Alias("bemore.UserState")]
public sealed class UserState
{
    /// <summary>The user's sessions, newest first.</summary>
    [Id(0)] public List<SessionIndexEntry> Sessions { get; set; } = [];
}
