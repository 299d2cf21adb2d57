using BeMore.Grains.Abstractions.Counseling;
using BeMore.Grains.Abstractions.Errors;
using BeMore.Grains.Abstractions.Runtime;
using BeMore.Grains.Abstractions.Sessions;
using BeMore.Grains.Abstractions.Users;

namespace BeMore.Web.Features.Users;

/// <summary>
/// Erases an account. The user's session index stores its tombstone first, so no session registers afterwards; the
/// sessions are then erased from here, one by one as <c>DELETE /api/session/{id}</c> does, not from inside the index's
/// turn: an ending session calls back into the index, and the two would wait on each other. The account goes last.
/// </summary>
public static class AccountErasure
{
    public static async Task EraseAsync(IGrainFactory grains, string userId)
    {
        var index = grains.Reference<IUserSessionsGrain>(userId);
        foreach (var sessionId in await index.BeginErasureAsync())
        {
            try
            {
                await grains.Reference<ICounselingSessionGrain>(sessionId).EraseAsync(userId);
            }
            catch (SessionNotFoundException)
            {
                // Already erased on its own.
            }

            await index.RemoveSessionAsync(sessionId);
        }

        await index.DeleteAsync();
        await grains.Reference<ICounselorBudgetGrain>(userId).ForgetAsync();
        await grains.Reference<IUserGrain>(userId).DeleteAsync();
    }
}
