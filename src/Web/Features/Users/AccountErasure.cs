using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;

namespace BeMore.Web.Features.Users;

/// <summary>
/// Erases an account. The user grain stores its tombstone first, so no session registers afterwards; the sessions
/// are then erased from here, one by one as <c>DELETE /api/session/{id}</c> does, not from inside the user grain's
/// turn: an ending session calls back into the user grain, and the two would wait on each other.
/// </summary>
public static class AccountErasure
{
    public static async Task EraseAsync(IGrainFactory grains, string userId)
    {
        var user = grains.GetGrain<IUserGrain>(userId);
        foreach (var sessionId in await user.BeginErasureAsync())
        {
            try
            {
                await grains.GetGrain<ICounselingSessionGrain>(sessionId).EraseAsync(userId);
            }
            catch (SessionNotFoundException)
            {
                // Already erased on its own.
            }

            await user.RemoveSessionAsync(sessionId);
        }

        await user.DeleteAsync();
    }
}
