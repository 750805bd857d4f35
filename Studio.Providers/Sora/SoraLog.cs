using Microsoft.Extensions.Logging;

namespace Studio.Providers.Sora;

/// <summary>Log messages of the <c>sora</c> provider.</summary>
internal static partial class SoraLog
{
    [LoggerMessage(LogLevel.Information, "Sora video {ProviderJobId} submitted for segment {SegmentId} ({Model}, {Seconds} s, {Size}, {Mode})")]
    public static partial void Submitted(ILogger logger, string providerJobId, Guid segmentId, string model, string seconds, string size, string mode);

    [LoggerMessage(LogLevel.Warning, "Sora video {ProviderJobId} failed: {Code} {Reason} (permanent: {Permanent})")]
    public static partial void Failed(ILogger logger, string providerJobId, string? code, string reason, bool permanent);

    [LoggerMessage(LogLevel.Information, "Sora video {ProviderJobId} deleted (known to OpenAI: {Known})")]
    public static partial void Deleted(ILogger logger, string providerJobId, bool known);
}
