using BeMore.Grains.Abstractions.Users;
using BeMore.Grains.Storage;

namespace BeMore.Grains.Users;

[GrainType("email-index")]
public sealed class EmailIndexGrain(
    [PersistentState(StorageNames.EmailIndexState, StorageNames.GrainState)] IPersistentState<EmailIndexState> state) : Grain, IEmailIndexGrain
{
    public async Task<bool> TryClaimAsync(string userId)
    {
        if (state.State.UserId is not null)
        {
            return state.State.UserId == userId;
        }

        state.State.UserId = userId;
        await state.WriteStateAsync();
        return true;
    }

    public Task<string?> GetUserIdAsync() => Task.FromResult(state.State.UserId);

    public async Task ReleaseAsync(string userId)
    {
        if (state.State.UserId == userId)
        {
            await state.ClearStateAsync();
            state.State = new EmailIndexState();
        }
    }
}
