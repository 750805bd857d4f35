using Microsoft.Extensions.Logging;

namespace Studio.App.Components.Shared;

/// <summary>Log messages of the pages.</summary>
internal static partial class UiLog
{
    [LoggerMessage(LogLevel.Warning, "Could not load {What} for the page")]
    public static partial void LoadFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(LogLevel.Warning, "A live refresh of {What} failed; the next change retries")]
    public static partial void LiveRefreshFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(LogLevel.Warning, "Could not create or start a video")]
    public static partial void CreateFailed(ILogger logger, Exception exception);
}
