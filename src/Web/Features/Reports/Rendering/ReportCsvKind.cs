namespace BeMore.Web.Features.Reports.Rendering;

/// <summary>Which table of a session report a CSV download holds (<c>report.csv?kind=</c>); one kind per file.</summary>
public enum ReportCsvKind
{
    Transcript = 0,
    Emotion = 1,
    Voice = 2,
    Distortions = 3,
    Conversation = 4,
}
