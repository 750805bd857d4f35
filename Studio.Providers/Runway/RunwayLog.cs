using Microsoft.Extensions.Logging;

namespace Studio.Providers.Runway;

/// <summary>Log messages of the <c>runway</c> provider (never the key, never a signed URL).</summary>
internal static partial class RunwayLog
{
    [LoggerMessage(LogLevel.Information, "Runway task {TaskId} started for segment {SegmentId} ({Model}, {Ratio}, {Seconds} s)")]
    public static partial void Submitted(ILogger logger, string taskId, Guid segmentId, string model, string ratio, int seconds);

    [LoggerMessage(LogLevel.Information, "Runway task {TaskId} cancelled (known to Runway: {Known})")]
    public static partial void Cancelled(ILogger logger, string taskId, bool known);

    [LoggerMessage(LogLevel.Warning, "Runway task {TaskId} failed: {FailureCode}")]
    public static partial void Failed(ILogger logger, string taskId, string? failureCode);
}
