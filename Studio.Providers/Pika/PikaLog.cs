using Microsoft.Extensions.Logging;

namespace Studio.Providers.Pika;

/// <summary>Log messages of the <c>pika</c> provider (never the key).</summary>
internal static partial class PikaLog
{
    [LoggerMessage(LogLevel.Information, "Pika request {RequestId} queued at fal.ai for segment {SegmentId} ({Endpoint}, {Seconds} s, {Resolution})")]
    public static partial void Submitted(ILogger logger, string? requestId, Guid segmentId, string endpoint, int seconds, string resolution);

    [LoggerMessage(LogLevel.Warning, "Pika request {ResponseUrl} completed with an error (HTTP {Status}): {Error}")]
    public static partial void Failed(ILogger logger, string responseUrl, int status, string? error);

    [LoggerMessage(LogLevel.Information, "Pika request {ResponseUrl}: cancellation {Outcome}")]
    public static partial void Cancelled(ILogger logger, string responseUrl, string outcome);
}
