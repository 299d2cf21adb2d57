using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace BeMore.Grains.Voice.SpeechToText;

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

    /// <summary>Creates a new, empty utterance file in the session's folder; the caller owns the stream.</summary>
    public FileStream CreateUtteranceFile(string sessionId)
    {
        var folder = Directory.CreateDirectory(SessionFolder(sessionId)).FullName;
        return new FileStream(Path.Combine(folder, $"{Guid.NewGuid():N}.wav"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
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
