namespace Studio.Core.Assets;

/// <summary>What became of an upload: the stored asset, or the refusal (then nothing was stored).</summary>
/// <param name="Asset">The stored asset; null when refused.</param>
/// <param name="Refusal">Why it was refused; null when stored.</param>
public sealed record UploadResult(Asset? Asset, UploadRefusal? Refusal)
{
    /// <summary>A stored upload.</summary>
    public static UploadResult Stored(Asset asset) => new(asset, null);

    /// <summary>A refused upload.</summary>
    public static UploadResult Refused(UploadRefusal refusal) => new(null, refusal);
}
