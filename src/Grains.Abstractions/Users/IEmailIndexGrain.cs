namespace BeMore.Grains.Abstractions.Users;

/// <summary>Maps one normalized email (the key) to the user id that owns it; the single arbiter of uniqueness.</summary>
[Alias("bemore.IEmailIndexGrain")]
public interface IEmailIndexGrain : IGrainWithStringKey
{
    /// <summary>Claims the email for <paramref name="userId"/>; false when another user holds it.</summary>
    [Alias("TryClaim")]
    Task<bool> TryClaimAsync(string userId);

    [Alias("GetUserId")]
    Task<string?> GetUserIdAsync();

    /// <summary>Frees the email if <paramref name="userId"/> holds it.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string userId);
}
