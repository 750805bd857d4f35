using Microsoft.Extensions.Logging;

namespace Studio.App.Components.Shared.Assets;

/// <summary>Log messages of the asset components.</summary>
internal static partial class AssetUploadLog
{
    [LoggerMessage(LogLevel.Warning, "Reading {FileName} from the browser failed; nothing was stored")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string fileName);

    [LoggerMessage(LogLevel.Warning, "Deleting asset {AssetId} failed")]
    public static partial void DeleteFailed(ILogger logger, Exception exception, Guid assetId);
}
