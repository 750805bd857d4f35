namespace Studio.App.Components.Shared.Assets;

/// <summary>Where a dropped file stands.</summary>
internal enum UploadItemState
{
    /// <summary>Queued behind another file.</summary>
    Waiting,

    /// <summary>Its bytes are being read.</summary>
    Uploading,

    /// <summary>All read; being inspected (structure, ffprobe, first frame).</summary>
    Checking,

    /// <summary>Stored as an asset.</summary>
    Stored,

    /// <summary>Refused; nothing stored.</summary>
    Refused,
}
