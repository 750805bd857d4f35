using Microsoft.Extensions.Logging;

namespace Studio.App.Components.Wizard;

/// <summary>Log messages of the new video wizard.</summary>
internal static partial class WizardLog
{
    [LoggerMessage(LogLevel.Warning, "Could not save the new video draft; the next change tries again")]
    public static partial void SaveFailed(ILogger logger, Exception exception);
}
