using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using BeMore.Grains.Abstractions.Localization;

namespace BeMore.Tests.Localization;

/// <summary>
/// Every text the server writes for people is a <see cref="LocalizedText"/> in a table (report terms, report prose, PDF
/// labels, intervention questions and tasks, the counselor's own replies, the safety reply and crisis line). Found by reflection, so a table added later is held to the same rule:
/// each text exists in English and in Korean, neither is empty, and both take the same arguments.
/// </summary>
public sealed partial class ServerTextTests
{
    private static readonly string[] AssembliesWithTexts = ["BeMore.Grains.Abstractions", "BeMore.Domain", "BeMore.Grains", "BeMore.Web"];

    [Fact]
    public void EveryTable_HoldsEachTextInEnglishAndKoreanWithTheSameArguments()
    {
        var texts = AllTexts().ToList();

        string[] tables = ["ReportTerms", "ReportTexts", "ReportPdfTexts", "InterventionCatalog", "LocalReplyTexts", "SafetyTexts"];
        Assert.All(tables, table => Assert.Contains(texts, entry => entry.Table == table));
        Assert.All(texts, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Text.English), $"{entry.Table}.{entry.Field}: no English");
            Assert.False(string.IsNullOrWhiteSpace(entry.Text.Korean), $"{entry.Table}.{entry.Field}: no Korean");
            Assert.True(entry.Text.Korean.Any(IsHangul), $"{entry.Table}.{entry.Field}: the Korean is not Korean: {entry.Text.Korean}");
            Assert.False(entry.Text.English.Any(IsHangul), $"{entry.Table}.{entry.Field}: the English holds Korean: {entry.Text.English}");
            Assert.Equal(Arguments(entry.Text.English), Arguments(entry.Text.Korean));
        });
    }

    [Fact]
    public void Format_KoreanMayOrderArgumentsItsOwnWay()
    {
        var text = new LocalizedText("{0} for {1} ({2:00})", "{1}에 대한 {0} ({2:00})");

        Assert.Equal("question for labeling (05)", text.Format("en", "question", "labeling", 5));
        Assert.Equal("낙인찍기에 대한 질문 (05)", text.Format("ko", "질문", "낙인찍기", 5));
        Assert.Equal("{0} for {1} ({2:00})", text.In("fr"));
    }

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3';

    private static SortedSet<int> Arguments(string format) => [.. ArgumentPattern().Matches(format).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex ArgumentPattern();

    private static IEnumerable<(string Table, string Field, LocalizedText Text)> AllTexts()
    {
        foreach (var type in AssembliesWithTexts.Select(Assembly.Load).SelectMany(assembly => assembly.GetTypes()).Where(type => !type.ContainsGenericParameters))
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.IsLiteral && CanHoldText(field.FieldType, depth: 0))
                {
                    foreach (var text in Walk(field.GetValue(null)))
                    {
                        yield return (type.Name, field.Name, text);
                    }
                }
            }
        }
    }

    /// <summary>Whether a value of <paramref name="type"/> can contain a text, so only such fields are read (reading a field runs its type's initialiser).</summary>
    private static bool CanHoldText(Type type, int depth) =>
        type == typeof(LocalizedText)
        || (depth < 4 && (
            (type.IsArray && CanHoldText(type.GetElementType()!, depth + 1))
            || (type.IsGenericType && type.GetGenericArguments().Any(argument => CanHoldText(argument, depth + 1)))
            || (IsOurs(type) && type.GetProperties().Any(property => CanHoldText(property.PropertyType, depth + 1)))));

    private static IEnumerable<LocalizedText> Walk(object? value)
    {
        switch (value)
        {
            case null or string:
                return [];
            case LocalizedText text:
                return [text];
            case ITuple tuple:
                return Enumerable.Range(0, tuple.Length).SelectMany(i => Walk(tuple[i]));
            case IEnumerable items:
                return items.Cast<object?>().SelectMany(Walk);
        }

        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            return Walk(type.GetProperty("Value")!.GetValue(value));
        }

        return IsOurs(type) && !type.IsEnum ? type.GetProperties().SelectMany(property => Walk(property.GetValue(value))) : [];
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("BeMore.", StringComparison.Ordinal) == true && !type.IsEnum;
}
