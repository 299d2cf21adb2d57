using BeMore.Domain.Analysis;
using BeMore.Domain.Analysis.Insight;

namespace BeMore.Insight.Training;

/// <summary>
/// --rules-dev: what the shipped build's risk alert reads on every development line, no test split among them: the
/// training writers' utterances and session talk, the development hard cases and wishes, the rules' development writers
/// (<see cref="InsightCorpus.RuleDevelopmentWriters"/>) and the everyday sentences. A rule reads a line whoever trained on
/// it, so a rule change is measured here in seconds, before the folds of --risk-dev (which read the classifier on lines
/// it never learned) are asked; the classifier's own figures on its training lines here are not a measurement. Prints
/// per language and writer the risk lines alerted and the false alerts, with --misses every missed line and false alert
/// with the rules' level, the classifier's probability and whether a risk cue stands in the words it read (a guard that
/// drops a risk line the classifier learned shows there, since no fold is asked).
/// </summary>
internal static class RulesDevelopment
{
    public static void Run(string corpus, bool misses)
    {
        foreach (var code in InsightCorpus.Languages)
        {
            var language = TextLanguages.FromCode(code);
            var talkWriters = InsightCorpus.TalkTrainingWriters.Concat(InsightCorpus.HardCasesDevelopmentWriters)
                .Concat(InsightCorpus.WishesDevelopmentWriters).Concat(InsightCorpus.RuleDevelopmentWriters);
            var lines = InsightCorpus.Utterances(corpus, code, InsightCorpus.IsTrainingWriter)
                .Concat(InsightCorpus.Talk(corpus, code, talkWriters, _ => true))
                .Concat(InsightCorpus.Everyday(corpus, code, _ => true).Select(text => new CorpusUtterance(code, "everyday", "none", "-", "everyday", text)));
            var (risk, caught, none, falseAlerts) = (0, 0, 0, 0);
            Console.WriteLine($"== {code}: the shipped build's risk alerts on the development lines");
            foreach (var writer in lines.GroupBy(l => l.Writer))
            {
                var (writerRisk, writerCaught, writerNone, writerFalse) = (0, 0, 0, 0);
                foreach (var line in writer)
                {
                    var isRisk = line.Label == "risk";
                    var alerts = RiskDetector.Assess(line.Text, language).Level != RiskLevel.None;
                    if (isRisk)
                    {
                        writerRisk++;
                        writerCaught += alerts ? 1 : 0;
                    }
                    else
                    {
                        writerNone++;
                        writerFalse += alerts ? 1 : 0;
                    }

                    if (misses && alerts != isRisk)
                    {
                        var reading = UtteranceInsight.Shipped.ReadRisk(line.Text, language);
                        Console.WriteLine($"  {(isRisk ? "missed" : "false")}\t{writer.Key}\t{line.Subtype}\t{reading.RuleLevel}\t{reading.Probability:F2}\t{(reading.Cue ? "cue" : "-")}\t{line.Text}");
                    }
                }

                Console.WriteLine($"{writer.Key}: risk {writerCaught}/{writerRisk}, false alerts {writerFalse}/{writerNone}");
                (risk, caught, none, falseAlerts) = (risk + writerRisk, caught + writerCaught, none + writerNone, falseAlerts + writerFalse);
            }

            Console.WriteLine($"{code} all: risk {caught}/{risk}, false alerts {falseAlerts}/{none}");
        }
    }
}
