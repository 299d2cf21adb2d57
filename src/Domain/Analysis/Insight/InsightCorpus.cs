using System.Security.Cryptography;
using System.Text;

namespace BeMore.Domain.Analysis.Insight;

/// <summary>One line of a corpus distortions.tsv: a distortion code, <c>risk</c> or <c>none</c>, with the risk level and subtype.</summary>
public sealed record CorpusUtterance(string Language, string Writer, string Label, string RiskLevel, string Subtype, string Text);

/// <summary>One line of a corpus emotions.tsv, or of an emotion test file with the kind of line it is (<c>-</c> where none is given).</summary>
public sealed record CorpusEmotion(string Language, string Writer, string Emotion, string Text, string Kind = "-");

/// <summary>
/// The labelled corpus under <c>corpus/&lt;lang&gt;/&lt;writer&gt;/</c>, as the training program and the evaluation tests read it.
/// Writer C and <see cref="UnseenTestWriters"/> are the test splits; the others are the training split.
/// </summary>
public static class InsightCorpus
{
    public const string TestWriter = "C";

    /// <summary>
    /// Distortion, risk and none lines only the evaluation tests read, by helpers who wrote to corpus/BRIEF.md after the
    /// models and rules they are read with were made, without ever seeing them, the corpus or each other (English BK,
    /// Korean BL, session 34): what an outside measurement on new words finds. Never trained or tuned on.
    /// </summary>
    public static IReadOnlyList<string> UnseenTestWriters { get; } = ["BK", "BL"];

    /// <summary>Whether a corpus writer's distortions.tsv trains the models: every writer but the test splits'.</summary>
    public static bool IsTrainingWriter(string writer) => writer != TestWriter && !UnseenTestWriters.Contains(writer);

    /// <summary>
    /// Training writers whose lines teach only the distortion model (<see cref="ModelFiles.Distortions"/>), Korean BQ, BR,
    /// BS, BT, BU and BV (session 41: distortion and none lines, no risk lines): the models that read risk never learn from them,
    /// since more distortion lines moved the utterance model's Korean risk probabilities under the threshold chosen for it
    /// (README, "Live analysis accuracy").
    /// </summary>
    public static IReadOnlyList<string> DistortionOnlyWriters { get; } = ["BQ", "BR", "BS", "BT", "BU", "BV"];

    /// <summary>Whether a training writer's lines teach the models that read risk: every one but <see cref="DistortionOnlyWriters"/>.</summary>
    public static bool TeachesRisk(string writer) => !DistortionOnlyWriters.Contains(writer);

    /// <summary>The session talk the models learn from (<see cref="TrainingTalk"/>); a writer may have written one language only.</summary>
    public static IReadOnlyList<string> TalkTrainingWriters { get; } = ["G", "H", "I", "Q", "S", "T", "U", "AU", "AV"];

    /// <summary>The session talk only the evaluation tests read (<see cref="Talk"/>).</summary>
    public const string TalkTestWriter = "F";

    /// <summary>
    /// Questions only the evaluation tests read (<see cref="Talk"/>): writer Q's brief (ordinary questions in eight kinds,
    /// risk asked as questions), written by two more helpers after Q had trained, never trained or tuned on.
    /// </summary>
    public const string QuestionTestWriter = "R";

    /// <summary>
    /// Hard cases only the evaluation tests read (<see cref="Talk"/>): risk hidden in how it is said (negated, answered,
    /// told beside someone else's story, joked, indirect, taken back) and ordinary lines that look like risk (twisted
    /// denials, a safety question answered no, someone else's crisis, dark humour, harmless alarming words, risk long
    /// over), written by helpers who never saw the detector, never trained or tuned on.
    /// </summary>
    public const string HardCasesTestWriter = "W";

    /// <summary>
    /// Hard cases for development only (<see cref="Talk"/> files, the kinds of corpus/TRAPS-BRIEF.md): English writers V
    /// and X, Korean writers Y and AA, who never saw the detector. The first-stage models never learn from them (more n-grams of
    /// the same kinds moved risk and lookalike probabilities together); <c>--risk-dev</c> scores them in its folds, and the
    /// second stage (<see cref="RiskDecision"/>) learns from those readings.
    /// </summary>
    public static IReadOnlyList<string> HardCasesDevelopmentWriters { get; } = ["V", "X", "Y", "AA"];

    /// <summary>
    /// Wishes for development only (<see cref="DevelopmentWishes"/>; corpus/WISH-BRIEF.md), English BM and Korean BO
    /// (session 35): ordinary wants and hopes (<c>none</c>) and wishes to be dead or hurt (<c>risk</c>). No first-stage model
    /// learns from them (learned, they cost risk lines elsewhere: README, "Live analysis accuracy"); <c>--risk-dev</c> scores
    /// them in its folds, and the second stage (<see cref="RiskDecision"/>, off) learns from those readings.
    /// </summary>
    public static IReadOnlyList<string> WishesDevelopmentWriters { get; } = ["BM", "BO"];

    /// <summary>The wishes of every writer in <see cref="WishesDevelopmentWriters"/>, each file's lines selected by index (the folds of <see cref="Everyday"/>).</summary>
    public static IReadOnlyList<CorpusUtterance> DevelopmentWishes(string root, string language, Func<int, bool> lines) =>
        Talk(root, language, WishesDevelopmentWriters, lines);

    /// <summary>
    /// Wishes only the evaluation tests read (<see cref="Talk"/> files, the kinds of corpus/WISH-BRIEF.md: ordinary wants,
    /// hopes and wishes to stop or get away, and wishes to be dead or to hurt oneself), English BN and Korean BP (session 35)
    /// and CF and CG (session 44, other speakers), by helpers who never saw the detector, the corpus or each other; never
    /// trained or tuned on.
    /// </summary>
    public static IReadOnlyList<string> WishesTestWriters { get; } = ["BN", "BP", "CF", "CG"];

    /// <summary>
    /// Risk told with the past, only the evaluation tests read (<see cref="Talk"/> files, the kinds of corpus/TRAPS-BRIEF.md):
    /// relapse, indirect, negated and answered risk from speakers who tell their earlier attempts and treatment beside what
    /// is happening now, and past risk told as over (<c>over_now</c>), harmless alarming words and denials; English BZ and
    /// Korean CA (session 43), written after the rules that read risk told as over, by helpers who never saw the detector,
    /// the corpus or each other; never trained or tuned on.
    /// </summary>
    public static IReadOnlyList<string> PastTestWriters { get; } = ["BZ", "CA"];

    /// <summary>
    /// Development lines for the rules only (<see cref="Talk"/> files): English CB and Korean CC (session 43, the kinds of
    /// corpus/TRAPS-BRIEF.md), mostly risk told as over and risk now told beside a past, and wishes, English CD and Korean
    /// CE (session 44, corpus/WISH-BRIEF.md), by helpers who never saw the detector. No model learns from them and
    /// <c>--risk-dev</c> does not score them, so, like the test splits, they are outside the corpus hashes;
    /// <c>--rules-dev</c> reads them.
    /// </summary>
    public static IReadOnlyList<string> RuleDevelopmentWriters { get; } = ["CB", "CC", "CD", "CE"];

    /// <summary>The development hard cases of every writer in <see cref="HardCasesDevelopmentWriters"/>, each file's lines selected by index.</summary>
    public static IReadOnlyList<CorpusUtterance> DevelopmentHardCases(string root, string language, Func<int, bool> lines) =>
        Talk(root, language, HardCasesDevelopmentWriters, lines);

    /// <summary>
    /// Text emotion only the evaluation tests read (<see cref="EmotionTest"/>): 50 lines per emotion per language in the kinds
    /// of corpus/EMOTION-BRIEF.md (named, shown without emotion words, mixed, figurative, hopeless), by helpers who never
    /// saw the analyser, its corpus or each other's lines (English AO and AW, Korean AP and AX, since sessions 30 and 32); never
    /// trained or tuned on.
    /// </summary>
    public static IReadOnlyList<string> EmotionTestWriters { get; } = ["AO", "AP", "AW", "AX"];

    /// <summary>
    /// Text emotion the emotion model learns from besides the emotions.tsv of the corpus writers: the same brief, by such
    /// helpers in five rounds (English AG, AH, AK, AL, AQ, AR, AY, BA, BB, BC and BD, Korean AI, AJ, AM, AN, AS and AT, each for other
    /// speakers), and the first test split (English AE, Korean AF), which trains since the third round.
    /// </summary>
    public static IReadOnlyList<string> EmotionTrainingWriters { get; } = ["AE", "AF", "AG", "AH", "AI", "AJ", "AK", "AL", "AM", "AN", "AQ", "AR", "AS", "AT", "AY", "BA", "BB", "BC", "BD", "BX", "BY"];

    public static IReadOnlyList<string> Languages { get; } = ["en", "ko"];

    public static IReadOnlyList<CorpusUtterance> Utterances(string root, string language, Func<string, bool> writers) =>
        [.. Files(root, language, writers, "distortions.tsv").SelectMany(f => Rows(f.Path, 4).Select(r =>
            new CorpusUtterance(language, f.Writer, r[0], r[1], r[2], r[3])))];

    public static IReadOnlyList<CorpusEmotion> Emotions(string root, string language, Func<string, bool> writers) =>
        [.. Files(root, language, writers, "emotions.tsv").SelectMany(f => Rows(f.Path, 2).Select(r =>
            new CorpusEmotion(language, f.Writer, r[0], r[1])))];

    /// <summary>The lines of <see cref="EmotionTestWriters"/>' files in the language.</summary>
    public static IReadOnlyList<CorpusEmotion> EmotionTest(string root, string language) => EmotionFiles(root, language, EmotionTestWriters);

    /// <summary>The lines of <c>corpus/emotion/&lt;writer&gt;/&lt;lang&gt;.tsv</c> (<c>emotion&lt;TAB&gt;kind&lt;TAB&gt;text</c>) of each of <paramref name="writers"/> who wrote the language.</summary>
    public static IReadOnlyList<CorpusEmotion> EmotionFiles(string root, string language, IEnumerable<string> writers) =>
        [.. writers
            .Select(writer => (Writer: writer, Path: Path.Combine(root, "emotion", writer, $"{language}.tsv")))
            .Where(f => File.Exists(f.Path))
            .SelectMany(f => Rows(f.Path, 3).Select(r => new CorpusEmotion(language, f.Writer, r[0], r[2], r[1])))];

    /// <summary>
    /// The everyday sentences of <c>corpus/everyday/&lt;lang&gt;.tsv</c> (no risk in them; written by helpers who never saw the
    /// detector) whose 0-based line index <paramref name="lines"/> selects: training <c>none</c> for the risk model, in
    /// development one fold per training writer (index mod their number) aligned with the held-out writers.
    /// </summary>
    public static IReadOnlyList<string> Everyday(string root, string language, Func<int, bool> lines)
    {
        var path = Path.Combine(root, "everyday", $"{language}.tsv");
        return File.Exists(path) ? [.. Rows(path, 1).Select(r => r[0]).Where((_, i) => lines(i))] : [];
    }

    /// <summary>
    /// The session talk of <c>corpus/talk/&lt;writer&gt;/&lt;lang&gt;.tsv</c> (<c>label&lt;TAB&gt;kind&lt;TAB&gt;text</c>: ordinary
    /// talk in seven kinds labelled <c>none</c>, and risk statements in eight families; two more writers who never saw the
    /// detector) whose 0-based line index <paramref name="lines"/> selects. Writers <see cref="TalkTrainingWriters"/> train,
    /// with the same folds as <see cref="Everyday"/> in development; <see cref="TalkTestWriter"/> is test only. Risk lines
    /// carry no level, so they train and score risk against the rest, not the level.
    /// </summary>
    public static IReadOnlyList<CorpusUtterance> Talk(string root, string language, string writer, Func<int, bool> lines)
    {
        var path = Path.Combine(root, "talk", writer, $"{language}.tsv");
        return File.Exists(path)
            ? [.. Rows(path, 3).Where((_, i) => lines(i)).Select(r => new CorpusUtterance(language, writer, r[0], "-", r[1], r[2]))]
            : [];
    }

    /// <summary>The session talk of each of <paramref name="writers"/> who wrote the language, each file's lines selected by index.</summary>
    public static IReadOnlyList<CorpusUtterance> Talk(string root, string language, IEnumerable<string> writers, Func<int, bool> lines) =>
        [.. writers.SelectMany(writer => Talk(root, language, writer, lines))];

    /// <summary>The session talk of every writer in <see cref="TalkTrainingWriters"/>, each file's lines selected by index.</summary>
    public static IReadOnlyList<CorpusUtterance> TrainingTalk(string root, string language, Func<int, bool> lines) =>
        Talk(root, language, TalkTrainingWriters, lines);

    /// <summary>
    /// SHA-256 over every corpus .tsv but the test splits' (relative path, a line break, then its bytes), in ordinal path
    /// order: the version a trained model is stamped with, so a changed training or development line shows as a stale
    /// model, while a test split added or corrected (which nothing trains on) leaves the models' stamps as they are.
    /// </summary>
    public static string Hash(string root) => Hash(root, _ => true);

    /// <summary>
    /// <see cref="Hash"/> without the <see cref="DistortionOnlyWriters"/>' corpus files and the emotion writers' files
    /// (<c>emotion/</c>, which teach only the emotion model): the version of what the risk readers learn from, which the
    /// development folds' models are kept by and the second stage's weights are stamped with.
    /// </summary>
    public static string RiskHash(string root) => Hash(root, relative => relative.Split('/') switch
    {
        ["emotion", ..] => false,
        [var language, var writer, _] when Languages.Contains(language) => TeachesRisk(writer),
        _ => true,
    });

    private static string Hash(string root, Func<string, bool> includes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(root, "*.tsv", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(root, path).Replace('\\', '/')))
            .Where(f => !IsTestSplit(f.Relative) && !IsRuleDevelopment(f.Relative) && includes(f.Relative))
            .OrderBy(f => f.Relative, StringComparer.Ordinal);
        foreach (var (path, relative) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(relative + "\n"));
            sha.AppendData(File.ReadAllBytes(path));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Whether a corpus file (its path relative to the corpus, with <c>/</c>) is a <see cref="RuleDevelopmentWriters"/>' file.</summary>
    private static bool IsRuleDevelopment(string relativePath) =>
        relativePath.Split('/') is ["talk", var writer, _] && RuleDevelopmentWriters.Contains(writer);

    /// <summary>Whether a corpus file (its path relative to the corpus, with <c>/</c>) belongs to a test split.</summary>
    private static bool IsTestSplit(string relativePath)
    {
        var parts = relativePath.Split('/');
        return parts.Length == 3 && (
            (Languages.Contains(parts[0]) && !IsTrainingWriter(parts[1]))
            || (parts[0] == "talk" && (parts[1] is TalkTestWriter or QuestionTestWriter or HardCasesTestWriter || WishesTestWriters.Contains(parts[1]) || PastTestWriters.Contains(parts[1])))
            || (parts[0] == "emotion" && EmotionTestWriters.Contains(parts[1])));
    }

    private static IEnumerable<(string Writer, string Path)> Files(string root, string language, Func<string, bool> writers, string name)
    {
        var folder = Path.Combine(root, language);
        return Directory.EnumerateDirectories(folder)
            .Select(dir => (Writer: Path.GetFileName(dir), Path: Path.Combine(dir, name)))
            .Where(f => writers(f.Writer) && File.Exists(f.Path))
            .OrderBy(f => f.Writer, StringComparer.Ordinal);
    }

    private static IEnumerable<string[]> Rows(string path, int fields)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var row = line.Split('\t');
            if (row.Length != fields || row[^1].Trim().Length == 0)
            {
                throw new InvalidDataException($"{path}: expected {fields} tab-separated fields in '{line}'");
            }

            yield return row;
        }
    }
}
