using BeMore.Client;
using BeMore.Tests.Infrastructure;

namespace BeMore.Tests.Client;

/// <summary>A new account signed in through the client library, as every client test starts.</summary>
internal static class ClientAccounts
{
    public const string Password = "a long enough passphrase";

    public static async Task<BeMoreApi> SignedUpAsync(HttpClient http)
    {
        var api = new BeMoreApi(http);
        await api.SignUpAsync(ApiClientExtensions.NewEmail(), Password, "Client user");
        return api;
    }
}
