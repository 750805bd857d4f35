using Microsoft.Extensions.Logging;

namespace Studio.Providers.Luma;

/// <summary>Log messages of the <c>luma</c> provider.</summary>
internal static partial class LumaLog
{
    [LoggerMessage(LogLevel.Information, "Luma generation {ProviderJobId} submitted for segment {SegmentId} ({Model}, {Duration}, {AspectRatio}, {Mode})")]
    public static partial void Submitted(ILogger logger, string providerJobId, Guid segmentId, string model, string duration, string aspectRatio, string mode);

    [LoggerMessage(LogLevel.Warning, "Luma generation {ProviderJobId} failed: {Reason} (permanent: {Permanent})")]
    public static partial void Failed(ILogger logger, string providerJobId, string reason, bool permanent);

    [LoggerMessage(LogLevel.Information, "Luma generation {ProviderJobId} cancelled (known to Luma: {Known})")]
    public static partial void Cancelled(ILogger logger, string providerJobId, bool known);
}
