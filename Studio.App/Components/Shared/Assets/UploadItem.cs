namespace Studio.App.Components.Shared.Assets;

/// <summary>The drop zone's view of one file on its way in: how far it got, and how it ended.</summary>
internal sealed class UploadItem(string fileName, long size)
{
    private long _bytesRead;

    /// <summary>The name the file had on the user's machine (display only).</summary>
    public string FileName { get; } = fileName;

    /// <summary>The size the browser reported, in bytes.</summary>
    public long Size { get; } = size;

    /// <summary>Where it stands.</summary>
    public UploadItemState State { get; set; } = UploadItemState.Waiting;

    /// <summary>Why it was refused or failed (from Core or from the component, in the page's language).</summary>
    public string? Problem { get; set; }

    /// <summary>Bytes read so far; written from the reading thread.</summary>
    public long BytesRead
    {
        get => Interlocked.Read(ref _bytesRead);
        set => Interlocked.Exchange(ref _bytesRead, value);
    }

    /// <summary>0 to 100: the share of the file read; 100 once stored.</summary>
    public double Percent => State == UploadItemState.Stored
        ? 100
        : Size <= 0 ? 0 : Math.Clamp(BytesRead * 100d / Size, 0, 100);
}
