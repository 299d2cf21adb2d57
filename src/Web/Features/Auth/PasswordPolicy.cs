using System.Collections.Frozen;

namespace BeMore.Web.Features.Auth;

/// <summary>
/// What a new password must not be, beyond its length: control characters (C0 and DEL), one character or a short
/// pattern repeated, a run along the alphabet, the digits or a keyboard row, one of the 10,000 most common passwords
/// (alone or wrapped in digits and punctuation, as in <c>password12</c>), or anything containing the email's local part.
/// </summary>
public static class PasswordPolicy
{
    private const int MaxRepeatedUnit = 4;
    private const int MinCommonCore = 4;
    private const int MinLocalPart = 3;

    private static readonly string[] Runs =
    [
        "01234567890123456789", "98765432109876543210",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz", "zyxwvutsrqponmlkjihgfedcbazyxwvutsrqponmlkjihgfedcba",
        "qwertyuiopasdfghjklzxcvbnm", "mnbvcxzlkjhgfdsapoiuytrewq", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
        "1q2w3e4r5t6y7u8i9o0p", "qazwsxedcrfvtgbyhnujmikolp", "!@#$%^&*()_+", "1!2@3#4$5%6^7&8*9(0)",
    ];

    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadCommonPasswords);

    /// <summary>Why <paramref name="password"/> is refused, or null; <paramref name="email"/> when known.</summary>
    public static string? Problem(string password, string? email)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Any(c => char.IsControl(c) && c <= '\u007f'))
        {
            return "Password must not contain control characters.";
        }

        var lower = password.ToLowerInvariant();
        if (IsRepetition(lower))
        {
            return "Password must not be one character or a short pattern repeated.";
        }

        if (Runs.Any(run => run.Contains(lower, StringComparison.Ordinal)))
        {
            return "Password must not be a simple run such as 1234567890 or qwertyuiop.";
        }

        var core = lower.Trim(NonLetters(lower));
        if (CommonPasswords.Value.Contains(lower) || (core.Length >= MinCommonCore && CommonPasswords.Value.Contains(core)))
        {
            return "Password is too common.";
        }

        return email is not null && ContainsEmail(lower, EmailAddresses.Normalize(email))
            ? "Password must not contain the email address or its local part."
            : null;
    }

    private static bool IsRepetition(string password)
    {
        for (var unit = 1; unit <= MaxRepeatedUnit && unit * 2 <= password.Length; unit++)
        {
            var repeated = true;
            for (var i = unit; i < password.Length && repeated; i++)
            {
                repeated = password[i] == password[i % unit];
            }

            if (repeated)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsEmail(string password, string email)
    {
        var at = email.LastIndexOf('@');
        var localPart = at > 0 ? email[..at] : email;
        return password.Contains(email, StringComparison.Ordinal)
            || (localPart.Length >= MinLocalPart && password.Contains(localPart, StringComparison.Ordinal));
    }

    /// <summary>The digits, punctuation and spaces of <paramref name="password"/>: what wraps a common word in <c>dragon2024!!</c>.</summary>
    private static char[] NonLetters(string password) => password.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    private static FrozenSet<string> LoadCommonPasswords()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("BeMore.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
