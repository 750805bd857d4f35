using System.Text.RegularExpressions;

namespace Studio.Core.Storage;

/// <summary>The layout of keys in the file store (see ARCHITECTURE.md, "Data folder").</summary>
public static partial class FileKeys
{
    /// <summary>True for a key a store accepts: slash-separated names of letters, digits, '_', '-' and '.', never "..".</summary>
    public static bool IsValid(string key) =>
        !string.IsNullOrEmpty(key) && KeyPattern().IsMatch(key) && !key.Contains("..", StringComparison.Ordinal);

    /// <summary>Throws unless <see cref="IsValid"/>.</summary>
    /// <exception cref="ArgumentException">The key is not valid.</exception>
    public static void EnsureValid(string key)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException($"'{key}' is not a valid file-store key.", nameof(key));
        }
    }

    /// <summary>An uploaded asset.</summary>
    public static string Asset(Guid assetId) => $"assets/{assetId:N}";

    /// <summary>Everything kept for a job (takes and outputs).</summary>
    public static string JobFolder(Guid jobId) => $"jobs/{jobId:N}";

    /// <summary>A take of a segment's clip.</summary>
    public static string Take(Guid jobId, int segmentIndex, int take) => $"jobs/{jobId:N}/takes/{segmentIndex}-{take}.mp4";

    /// <summary>The final cut of a job.</summary>
    public static string FinalVideo(Guid jobId) => $"jobs/{jobId:N}/out/final.mp4";

    /// <summary>The poster image of a job.</summary>
    public static string Poster(Guid jobId) => $"jobs/{jobId:N}/out/poster.jpg";

    /// <summary>The SRT captions of a job.</summary>
    public static string Captions(Guid jobId) => $"jobs/{jobId:N}/out/captions.srt";

    /// <summary>The ZIP of a job's segment clips.</summary>
    public static string ClipsZip(Guid jobId) => $"jobs/{jobId:N}/out/clips.zip";

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+(/[A-Za-z0-9_\-.]+)*$")]
    private static partial Regex KeyPattern();
}
