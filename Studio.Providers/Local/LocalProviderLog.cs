using Microsoft.Extensions.Logging;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Providers.Local;

/// <summary>Log messages of the local provider.</summary>
internal static partial class LocalProviderLog
{
    [LoggerMessage(LogLevel.Information, "Local render {RenderId} queued for segment {SegmentId}: {Mode} {AspectRatio}, {Seconds} s")]
    public static partial void Queued(ILogger logger, string renderId, Guid segmentId, GenerationMode mode, AspectRatio aspectRatio, double seconds);

    [LoggerMessage(LogLevel.Information, "Local render {RenderId} finished in {ElapsedMs} ms")]
    public static partial void Succeeded(ILogger logger, string renderId, long elapsedMs);

    [LoggerMessage(LogLevel.Warning, "Local render {RenderId} failed (permanent: {IsPermanent})")]
    public static partial void Failed(ILogger logger, Exception exception, string renderId, bool isPermanent);

    [LoggerMessage(LogLevel.Information, "Local render {RenderId} was cancelled")]
    public static partial void Cancelled(ILogger logger, string renderId);

    [LoggerMessage(LogLevel.Information, "Local render {RenderId} was never downloaded and expired")]
    public static partial void Expired(ILogger logger, string renderId);

    [LoggerMessage(LogLevel.Warning, "Could not delete the local render folder {Folder}")]
    public static partial void CleanupFailed(ILogger logger, Exception exception, string folder);
}
