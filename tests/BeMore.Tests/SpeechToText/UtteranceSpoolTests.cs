using System.Runtime.Versioning;
using BeMore.Domain.Voice.SpeechToText;
using BeMore.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace BeMore.Tests.SpeechToText;

/// <summary>Raw utterance audio waits on disk for speech-to-text: nobody but the server's user may read it.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class UtteranceSpoolTests
{
    private const UnixFileMode Loose = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    [Fact]
    public void CreateUtteranceFile_RawAudio_IsReadableByTheOwnerOnly_EvenUnderALooserRoot()
    {
        using var folder = new TestFolder("spool");
        var root = Path.Combine(folder.Path, "audio");
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, Loose);
        var spool = new UtteranceSpool(Options.Create(new SpeechToTextOptions { TempDirectory = root }));

        string path;
        using (var file = spool.CreateUtteranceFile("session-1"))
        {
            file.WriteByte(1);
            path = file.Name;
        }

        Assert.Equal("700", Octal(File.GetUnixFileMode(root)));
        Assert.Equal("700", Octal(File.GetUnixFileMode(spool.SessionFolder("session-1"))));
        Assert.Equal("600", Octal(File.GetUnixFileMode(path)));
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8);
}
