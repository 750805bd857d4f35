using Microsoft.Extensions.Logging;

namespace Studio.Providers.Sim;

/// <summary>Log messages of the simulator server and the sim provider.</summary>
internal static partial class SimServerLog
{
    [LoggerMessage(LogLevel.Information, "Provider simulator listening on {BaseAddress}")]
    public static partial void Listening(ILogger logger, Uri baseAddress);

    [LoggerMessage(LogLevel.Debug, "Simulator answered {Method} {Path} with {Status}")]
    public static partial void Answered(ILogger logger, string method, string path, int status);

    [LoggerMessage(LogLevel.Information, "Simulator injects {Fault} into {Method} {Path}")]
    public static partial void Injecting(ILogger logger, SimFault fault, string method, string path);

    [LoggerMessage(LogLevel.Error, "Simulator failed to answer {Method} {Path}")]
    public static partial void Failed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(LogLevel.Information, "Sim generation {ProviderJobId} submitted for segment {SegmentId} (reference {Reference})")]
    public static partial void Submitted(ILogger logger, string providerJobId, Guid segmentId, string? reference);
}
