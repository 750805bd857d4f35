using Microsoft.Extensions.Logging;

namespace Studio.Providers.Http;

/// <summary>Log messages of the hosted providers' HTTP pipeline.</summary>
internal static partial class ProviderHttpLog
{
    [LoggerMessage(LogLevel.Warning, "Circuit of provider {Provider} opened for {BreakDuration}: calls fail fast until then")]
    public static partial void CircuitOpened(ILogger logger, string provider, TimeSpan breakDuration);

    [LoggerMessage(LogLevel.Information, "Circuit of provider {Provider} half-open: one call goes through to test it")]
    public static partial void CircuitHalfOpened(ILogger logger, string provider);

    [LoggerMessage(LogLevel.Information, "Circuit of provider {Provider} closed")]
    public static partial void CircuitClosed(ILogger logger, string provider);

    [LoggerMessage(LogLevel.Warning, "Provider {Provider}: {Method} attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string provider, string method, int attempt, string outcome, TimeSpan delay);
}
