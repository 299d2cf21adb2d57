using System.Net.Mail;
using System.Text;

namespace BeMore.Web.Features.Auth;

public static class EmailAddresses
{
    public const int MaxLength = 254;

    /// <summary>The one spelling an email is stored, indexed and throttled under: trimmed, NFKC, lower case.</summary>
    public static string Normalize(string email) =>
        email.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static bool IsValid(string email)
    {
        var normalized = Normalize(email);
        return normalized.Length <= MaxLength
            && MailAddress.TryCreate(normalized, out var address)
            && address.Address == normalized
            && address.Host.Contains('.', StringComparison.Ordinal);
    }
}
