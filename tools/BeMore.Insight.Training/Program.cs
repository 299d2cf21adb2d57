using System.Globalization;
using BeMore.Domain.Analysis.Insight;
using BeMore.Insight.Training;

// Trains the insight models from the corpus's training split (every writer but C, and session talk writers G, H, I, Q, S, T, U, AU and AV;
// the writers who teach only distortions, InsightCorpus.DistortionOnlyWriters, train the distortion model alone) and writes them, with the corpus hash,
// into src/Domain/Analysis/Models. Before that it trains without each training writer in turn and scores that writer, so the
// thresholds in src/Domain/Analysis/Insight are chosen on text the model has not seen, without touching the test split.
// --dev-only stops after that, --no-dev skips it, --misses also lists the held-out lines' false and missed risk alerts
// (of each held-out writer here, of the shipped candidate at its choice with --risk-dev);
// --risk-dev only compares the risk candidates on development data (RiskDevelopment) and writes only the second stage's
// weights (RiskDecisionDevelopment: they are learned from the folds' readings, which only it has) and sweeps the
// distortion threshold on the same folds; the thresholds that ship (InsightThresholds) are chosen from its figures by
// the rules written there: risk from the utterance and content-words models agreeing, in both languages, both models
// having learned the session talk. --emotion-dev [W1,W2] only asks whether the candidate emotion writers' lines (by
// default all of them) help the emotion model on the ones held out (EmotionDevelopment); --distortion-dev W1,W2 the same for
// candidate corpus writers and the distortions the utterance model reads (DistortionDevelopment). Each model is written
// twice: ML.NET's (.zip, the reference) and the compact file nodes read (.model); --compact only rewrites the compact
// files from ML.NET's, with no training. --rules-dev [--misses] reads every development line with the shipped build's
// risk alert (RulesDevelopment), in seconds: what a rule change does before the folds are asked.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var repo = RepositoryRoot();
var corpus = Path.Combine(repo, "corpus");
var models = Path.Combine(repo, "src", "Domain", "Analysis", "Models");
var fixtures = Path.Combine(repo, "tests", "BeMore.Tests", "Fixtures", "Analysis");
var train = new Func<string, bool>(InsightCorpus.IsTrainingWriter);

var writers = Directory.EnumerateDirectories(Path.Combine(corpus, "en")).Select(Path.GetFileName).OfType<string>()
    .Where(train).Order(StringComparer.Ordinal).ToList();
if (Array.IndexOf(args, "--emotion-dev") is var emotionDev and >= 0)
{
    var candidates = emotionDev + 1 < args.Length && !args[emotionDev + 1].StartsWith("--", StringComparison.Ordinal)
        ? args[emotionDev + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : InsightCorpus.EmotionTrainingWriters;
    EmotionDevelopment.Run(corpus, fixtures, train, candidates);
    return;
}

if (Array.IndexOf(args, "--distortion-dev") is var distortionDev and >= 0)
{
    // Without its list the mode must not fall through to training: that would overwrite the shipped models.
    var candidates = distortionDev + 1 < args.Length ? args[distortionDev + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
    DistortionDevelopment.Run(corpus, fixtures, train, candidates);
    return;
}

if (args.Contains("--rules-dev"))
{
    RulesDevelopment.Run(corpus, args.Contains("--misses"));
    return;
}

if (args.Contains("--risk-dev"))
{
    RiskDevelopment.Run(corpus, fixtures, models, writers, train, args.Contains("--misses"));
    return;
}

if (args.Contains("--compact"))
{
    WriteCompactModels();
    Console.WriteLine($"Compact models written from ML.NET's in {models}.");
    return;
}

if (!args.Contains("--no-dev") && writers.Count >= 2)
{
    foreach (var held in writers)
    {
        Console.WriteLine($"== development: trained without writer {held}, scored on writer {held}");
        var trainer = new InsightTrainer(corpus, fixtures, w => train(w) && w != held, _ => false, _ => true);
        DevelopmentReport.Print(trainer.Utterance(), trainer.RiskLevel(), trainer.Emotion(), corpus, w => w == held, args.Contains("--misses"));
    }
}

if (args.Contains("--dev-only"))
{
    return;
}

Directory.CreateDirectory(models);
var final = new InsightTrainer(corpus, fixtures, train, _ => false, _ => true);
final.Save(final.Utterance(), Trained(ModelFiles.Utterance));
final.Save(final.Distortions(), Trained(ModelFiles.Distortions));
final.Save(final.RiskLevel(), Trained(ModelFiles.RiskLevel));
final.Save(final.Emotion(), Trained(ModelFiles.Emotion));
// English risk's second model learns ordinary talk from the everyday sentences too (as it did in --risk-dev).
var withEveryday = new InsightTrainer(corpus, fixtures, train, _ => true, _ => true);
withEveryday.Save(withEveryday.Risk(contentWordsOnly: true), Trained(ModelFiles.RiskContent));
WriteCompactModels();
var hash = InsightCorpus.Hash(corpus);
await File.WriteAllTextAsync(Path.Combine(models, ModelFiles.CorpusHash), hash + "\n");
Console.WriteLine($"Models written to {models} (corpus {hash}).");

// ML.NET's model of a compact model file, which the tool trains and converts.
string Trained(string model) => Path.Combine(models, Path.ChangeExtension(model, ModelFiles.TrainedExtension));

void WriteCompactModels()
{
    foreach (var model in ModelFiles.Models)
    {
        TrainedModel.WriteCompact(Trained(model), Path.Combine(models, model));
    }
}

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "BeMore.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (no BeMore.sln above the current folder).");
}
