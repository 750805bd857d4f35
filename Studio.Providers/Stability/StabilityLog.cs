using Microsoft.Extensions.Logging;

namespace Studio.Providers.Stability;

/// <summary>Log messages of the <c>stability</c> provider (never the key).</summary>
internal static partial class StabilityLog
{
    [LoggerMessage(LogLevel.Information, "Stability generation {GenerationId} started for segment {SegmentId} ({Width}x{Height})")]
    public static partial void Submitted(ILogger logger, string generationId, Guid segmentId, int width, int height);

    [LoggerMessage(LogLevel.Warning, "Stability answered 404 for its image-to-video route: the route looks withdrawn (legacy)")]
    public static partial void RouteWithdrawn(ILogger logger);
}
