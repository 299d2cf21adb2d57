using System.Globalization;
using System.Text.RegularExpressions;

namespace BeMore.Domain.Analysis.Insight;

/// <summary>
/// The second stage of a risk finding that no rule made: a logistic regression over what the first stage read (the
/// classifier's probability on the kept words and on the whole utterance, whether a denial, idiom or retold clause was
/// set aside) and how the utterance is said (negations, the speaker or someone else, then or now, a joke, an answer to
/// a question, a "no" called untrue, recovery). The n-gram models read words; hard cases hide risk in that structure
/// ("I can't promise you I won't", "I said no, but that wasn't true", "my brother did it and lately I get it"), and
/// lookalikes show it ("years ago, but I'm good now"). Trained by the training tool's <c>--risk-dev</c> on readings of
/// lines the first-stage models never saw (each development fold read by models trained without it), so its weights
/// fit the probabilities live sentences get, not the saturated ones of training lines.
/// </summary>
public sealed class RiskDecision
{
    /// <summary>How many inputs <see cref="Features"/> gives, in the order the weights file lists them.</summary>
    public const int FeatureCount = 16;

    private const float ProbabilityFloor = 1e-4f;

    private readonly (float Bias, float[] Weights) _english;
    private readonly (float Bias, float[] Weights) _korean;

    public RiskDecision((float Bias, float[] Weights) english, (float Bias, float[] Weights) korean)
    {
        if (english.Weights.Length != FeatureCount || korean.Weights.Length != FeatureCount)
        {
            throw new ArgumentException($"A risk decision needs {FeatureCount} weights per language.");
        }

        _english = english;
        _korean = korean;
    }

    /// <summary>The probability that the utterance <paramref name="reading"/> read is risk.</summary>
    public float Probability(string text, RiskReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        Span<float> features = stackalloc float[FeatureCount];
        Features(text, reading, features);
        var (bias, weights) = reading.Language == TextLanguage.Korean ? _korean : _english;
        var score = bias;
        for (var i = 0; i < FeatureCount; i++)
        {
            score += weights[i] * features[i];
        }

        return 1f / (1f + MathF.Exp(-score));
    }

    /// <summary>The inputs for <paramref name="text"/> as <paramref name="reading"/> read it; the marker counts stop at three.</summary>
    public static void Features(string text, RiskReading reading, Span<float> into)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reading);
        var markers = reading.Language == TextLanguage.Korean ? Markers.Korean : Markers.English;
        into[0] = MathF.Log(Math.Max(reading.Probability, ProbabilityFloor));
        into[1] = MathF.Log(Math.Max(reading.Whole, ProbabilityFloor));
        into[2] = (float)reading.RuleLevel;
        into[3] = reading.SetAside ? 1 : 0;
        into[4] = reading.Denied ? 1 : 0;
        into[5] = RiskCues.Any(text, reading.Language) ? 1 : 0;
        for (var i = 0; i < markers.Length; i++)
        {
            into[6 + i] = Math.Min(3, markers[i].Count(text));
        }

        into[15] = MathF.Log(1 + text.Count(char.IsWhiteSpace));
    }

    /// <summary>
    /// Reads the weights file: one line per language, <c>code&lt;TAB&gt;bias&lt;TAB&gt;w0 … w15</c> (invariant culture),
    /// '#' lines are comments.
    /// </summary>
    public static RiskDecision Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var byLanguage = new Dictionary<string, (float, float[])>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length != 3)
            {
                throw new InvalidDataException($"A risk decision line needs a language, a bias and the weights: '{line}'.");
            }

            float[] weights = [.. fields[2].Split(' ').Select(w => float.Parse(w, CultureInfo.InvariantCulture))];
            if (weights.Length != FeatureCount)
            {
                throw new InvalidDataException($"A risk decision needs {FeatureCount} weights per language, not {weights.Length}.");
            }

            byLanguage[fields[0]] = (float.Parse(fields[1], CultureInfo.InvariantCulture), weights);
        }

        return byLanguage.TryGetValue("en", out var en) && byLanguage.TryGetValue("ko", out var ko)
            ? new RiskDecision(en, ko)
            : throw new InvalidDataException("A risk decision needs weights for en and ko.");
    }

    /// <summary>Writes what <see cref="Parse"/> reads.</summary>
    public static string Format((float Bias, float[] Weights) english, (float Bias, float[] Weights) korean, string comment) =>
        $"# {comment}\n" + Line("en", english) + Line("ko", korean);

    private static string Line(string code, (float Bias, float[] Weights) model) =>
        string.Create(CultureInfo.InvariantCulture, $"{code}\t{model.Bias:R}\t{string.Join(' ', model.Weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture)))}\n");

    public static RiskDecision LoadEmbedded()
    {
        using var reader = new StreamReader(SentenceClassifier.OpenEmbedded(ModelFiles.RiskDecision));
        return Parse(reader);
    }

    /// <summary>
    /// Nine markers of how a thing is said, in <see cref="Features"/> order: negation, the speaker, someone else, then,
    /// now, a joke, an answer to a question, a "no" called untrue, recovery. Flat alternations on the linear engine.
    /// </summary>
    private static class Markers
    {
        private const RegexOptions Linear = RegexOptions.IgnoreCase | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

        public static readonly Regex[] English =
        [
            Words(@"not|never|no|nothing|nobody|cannot|\w+n['’]?t|dont|cant|wont|didnt|isnt|wasnt|havent|hasnt|wouldnt|couldnt|aint"),
            Words(@"i|me|my|myself|mine|i['’]?m|i['’]?ve|i['’]?d|i['’]?ll"),
            Words(@"he|she|his|her|him|hers|they|their|them|friend|mate|mom|mum|dad|father|mother|brother|sister|son|daughter|wife|husband|partner|cousin|kid|uncle|aunt|grandma|grandad|grandpa|colleague|coworker|character|guy|girl|someone"),
            Words(@"used\s+to|years?\s+ago|ago|back\s+then|when\s+i\s+was|high\s+school|college|uni|last\s+year|since|anymore|once"),
            Words(@"now|lately|tonight|today|this\s+week|last\s+night|yesterday|again|still|every\s+(?:night|day)|these\s+days|back"),
            Words(@"lol|lmao|haha\w*|ha|jk|joke\w*|joking|kidding|meme\w*|punchline|gag|funny|bit"),
            Words(@"asked|asks|asking|question\w*|form|scale|survey|said\s+no|said\s+yes|told\s+(?:her|him|them|you|everyone)|answer\w*"),
            Words(@"true|lie|lied|lying|honest\w*|truth|actually|really"),
            Words(@"fine|good|okay|ok|better|safe|recovered|recovery|healed|grateful|proud|therapy|meds|skills|clean|sober|helped|saved"),
        ];

        public static readonly Regex[] Korean =
        [
            new("안 |않|못|없|아니|아뇨|아냐", Linear),
            new("(?:^|\\s)(?:나|난|내가|나는|나도|내|저|전|제가|저는|저도|제)\\s", Linear),
            new("친구|동생|언니|오빠|누나|형|엄마|아빠|부모님|선생님|남친|여친|남편|아내|가족|아들|딸|조카|사촌|지인|동료|걔|그 ?사람|캐릭터|주인공|뉴스", Linear),
            new("예전|옛날|그때|그 때|전에|몇 ?년|작년|학생 ?때|고등학교|중학교|어릴 ?때|었었|았었|했었", Linear),
            new("요즘|오늘|어제|지금|다시|또|이번 ?주|밤마다|매일|아직|최근", Linear),
            new("ㅋ+|ㅎ{2,}|농담|장난|드립|웃기|개그|밈", Linear),
            new("물어|물었|질문|설문|검사|문항|점수|체크|냐고|냐는", Linear),
            new("거짓말|사실|솔직히|진짜로|척", Linear),
            new("괜찮|좋아졌|나아졌|치료|상담|극복|이겨냈|지나갔|끊었|약 먹", Linear),
        ];

        private static Regex Words(string alternatives) => new($@"\b(?:{alternatives})\b", Linear);
    }
}
