namespace Studio.Core.Jobs;

/// <summary>Which outputs of a job can be downloaded now.</summary>
/// <param name="Video">The final MP4.</param>
/// <param name="Poster">The poster JPEG.</param>
/// <param name="Captions">The SRT captions.</param>
/// <param name="Clips">The ZIP of the segment clips.</param>
public sealed record AvailableDownloads(bool Video, bool Poster, bool Captions, bool Clips)
{
    /// <summary>Nothing to download (yet).</summary>
    public static AvailableDownloads None { get; } = new(false, false, false, false);

    /// <summary>True when <paramref name="output"/> can be downloaded.</summary>
    public bool Has(JobOutput output) => output switch
    {
        JobOutput.Video => Video,
        JobOutput.Poster => Poster,
        JobOutput.Captions => Captions,
        JobOutput.Clips => Clips,
        _ => false,
    };
}
