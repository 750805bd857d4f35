using Microsoft.Extensions.Logging;

namespace Studio.Providers.Veo;

/// <summary>Log messages of the <c>veo</c> provider (never the key).</summary>
internal static partial class VeoLog
{
    [LoggerMessage(LogLevel.Information, "Veo operation {Operation} started for segment {SegmentId} ({Model}, {AspectRatio}, {Seconds} s, {Resolution})")]
    public static partial void Submitted(ILogger logger, string operation, Guid segmentId, string model, string aspectRatio, int seconds, string resolution);

    [LoggerMessage(LogLevel.Information, "Veo has no cancel for generations: operation {Operation} runs to its end (and is billed); its result will be ignored")]
    public static partial void CannotCancel(ILogger logger, string operation);

    [LoggerMessage(LogLevel.Warning, "Veo operation {Operation} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string operation, string reason);
}
