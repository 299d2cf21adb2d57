using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BeMore.Domain.Voice.SpeechToText;

/// <summary>
/// The temporary WAV files of utterances waiting for speech-to-text: one folder per session under
/// <see cref="SpeechToTextOptions.TempRoot"/>. Files are deleted once transcribed, the session's folder when the
/// session ends, and the whole root at start-up (leftovers of a crash).
/// </summary>
public sealed partial class UtteranceSpool(IOptions<SpeechToTextOptions> options)
{
    public string Root { get; } = options.Value.TempRoot;

    /// <summary>The session's folder; ids that are not plain file names are hex-encoded so no id can escape the root.</summary>
    public string SessionFolder(string sessionId) =>
        Path.Combine(Root, SafeName().IsMatch(sessionId) ? sessionId : Convert.ToHexString(Encoding.UTF8.GetBytes(sessionId)));

    /// <summary>
    /// Creates a new, empty utterance file in the session's folder; the caller owns the stream. Raw audio is readable by
    /// this user only: the root and the session's folder are 0700 (a root someone else created is refused, since its
    /// mode cannot be set), the file 0600.
    /// </summary>
    public FileStream CreateUtteranceFile(string sessionId)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read | FileShare.Delete,
            BufferSize = 64 * 1024,
            Options = FileOptions.Asynchronous,
        };
        string folder;
        if (OperatingSystem.IsWindows())
        {
            folder = Directory.CreateDirectory(SessionFolder(sessionId)).FullName;
        }
        else
        {
            CreateOwnerOnlyDirectory(Root);
            folder = CreateOwnerOnlyDirectory(SessionFolder(sessionId));
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(folder, $"{Guid.NewGuid():N}.wav"), options);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static string CreateOwnerOnlyDirectory(string path)
    {
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var directory = Directory.CreateDirectory(path, OwnerOnly);
        File.SetUnixFileMode(directory.FullName, OwnerOnly);
        return directory.FullName;
    }

    public static void DeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // The session's folder went first (the session ended): nothing is left to delete.
        }
    }

    public void DeleteSession(string sessionId) => DeleteFolder(SessionFolder(sessionId));

    /// <summary>Removes everything under the root: at start-up no utterance can still be waiting.</summary>
    public void Clear()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(Root))
        {
            if (Directory.Exists(entry))
            {
                DeleteFolder(entry);
            }
            else
            {
                DeleteFile(entry);
            }
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never created (no utterance was recorded) or already deleted.
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex SafeName();
}
