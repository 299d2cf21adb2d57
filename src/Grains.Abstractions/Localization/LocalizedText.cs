using System.Globalization;
using BeMore.Grains.Abstractions.Reports;

namespace BeMore.Grains.Abstractions.Localization;

/// <summary>
/// One piece of text the server writes for people, in each language it writes (English and Korean): the one shape of
/// every table of localised server text (report prose, PDF labels, report terms, intervention questions and tasks).
/// A text with arguments is a composite format (<c>{0}</c>, <c>{1:00}</c>); the languages may order them differently.
/// </summary>
public sealed record LocalizedText(string English, string Korean)
{
    /// <param name="language">A report language code (<see cref="ReportTerms.English"/> or <see cref="ReportTerms.Korean"/>); anything else reads English.</param>
    public string In(string language) => language == ReportTerms.Korean ? Korean : English;

    /// <summary>The text in <paramref name="language"/> with its arguments filled in, numbers written the invariant way.</summary>
    public string Format(string language, params object?[] args) => string.Format(CultureInfo.InvariantCulture, In(language), args);
}
