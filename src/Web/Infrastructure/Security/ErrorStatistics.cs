using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace BeMore.Web.Infrastructure.Security;

/// <summary>
/// Counts of error responses (status >= 400) by code and status since start-up: aggregate only, no messages, paths
/// or user data. Each response is counted once, when its headers are sent.
/// </summary>
public sealed class ErrorStatistics(TimeProvider clock)
{
    private static readonly object CodeKey = new();

    private readonly ConcurrentDictionary<string, long> _byCode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, long> _byStatus = new();
    private long _total;

    public DateTimeOffset Since { get; } = clock.GetUtcNow();

    /// <summary>Remembers the <c>code</c> a problem body carried, for <see cref="Record"/> to count.</summary>
    public static void NoteProblemCode(HttpContext context, string? code)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrEmpty(code))
        {
            context.Items[CodeKey] = code;
        }
    }

    /// <summary>Counts the response if it is an error; the code is the problem body's, else the status's default.</summary>
    public void Record(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Response.StatusCode;
        if (status < 400)
        {
            return;
        }

        var code = context.Items[CodeKey] as string ?? Errors.ProblemDetailsSetup.CodeForStatus(status);
        Interlocked.Increment(ref _total);
        _byCode.AddOrUpdate(code, 1, (_, count) => count + 1);
        _byStatus.AddOrUpdate(status, 1, (_, count) => count + 1);
    }

    public ErrorStatisticsSnapshot Snapshot() => new(
        Interlocked.Read(ref _total),
        new SortedDictionary<string, long>(_byCode, StringComparer.Ordinal),
        new SortedDictionary<string, long>(_byStatus.ToDictionary(pair => pair.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), pair => pair.Value), StringComparer.Ordinal),
        Since);
}

public sealed record ErrorStatisticsSnapshot(
    long Total, IReadOnlyDictionary<string, long> ByCode, IReadOnlyDictionary<string, long> ByStatus, DateTimeOffset Since);
