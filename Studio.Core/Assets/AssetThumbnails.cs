using Microsoft.Extensions.Logging;
using Studio.Core.Media;
using Studio.Core.Storage;

namespace Studio.Core.Assets;

/// <summary>
/// Small JPEG previews for the asset library: an image scaled down, or a representative early frame of a clip (FFmpeg's
/// <c>thumbnail</c> filter), made through the media engine the first time one is asked for and then kept in the file
/// store under <c>thumbnails/</c>. Sound files have none. Scoped to the owner like every asset read.
/// </summary>
public sealed partial class AssetThumbnails(AssetLibrary library, IFileStore files, StudioPaths paths, IMediaEngine media, ILogger<AssetThumbnails> logger)
{
    /// <summary>Width of a preview in pixels (height follows the picture's shape).</summary>
    public const int Width = 320;

    // Frames the thumbnail filter weighs to pick a representative one (a black first frame is common in clips).
    private const int CandidateFrames = 25;

    /// <summary>The file-store key of an asset's preview.</summary>
    public static string KeyFor(Guid assetId) => $"thumbnails/{assetId:N}.jpg";

    /// <summary>True when the kind has previews (images and clips, not sound).</summary>
    public static bool HasThumbnail(AssetKind kind) => kind is AssetKind.Image or AssetKind.Video;

    /// <summary>
    /// Opens the owner's asset's preview (a JPEG), making it first if there is none yet. Null when the asset is not the
    /// owner's, has no preview (sound), or its file is gone.
    /// </summary>
    /// <exception cref="MediaProcessingException">FFmpeg could not make the preview.</exception>
    public async Task<Stream?> OpenAsync(string ownerId, Guid assetId, CancellationToken ct)
    {
        if (await library.GetAsync(ownerId, assetId, ct).ConfigureAwait(false) is not { } asset || !HasThumbnail(asset.Kind))
        {
            return null;
        }

        var key = KeyFor(asset.Id);
        if (!await files.ExistsAsync(key, ct).ConfigureAwait(false))
        {
            if (!await files.ExistsAsync(asset.StoredFile, ct).ConfigureAwait(false))
            {
                return null;
            }

            await MakeAsync(asset, key, ct).ConfigureAwait(false);
        }

        return await files.OpenReadAsync(key, ct).ConfigureAwait(false);
    }

    private async Task MakeAsync(Asset asset, string key, CancellationToken ct)
    {
        var output = paths.NewTempFile(".jpg");
        string? copy = null;
        try
        {
            var source = files.TryGetLocalPath(asset.StoredFile);
            if (source is null)
            {
                // A store that is not on local disk: FFmpeg reads a scratch copy.
                copy = paths.NewTempFile(Path.GetExtension(asset.OriginalFileName));
                await using (var stored = await files.OpenReadAsync(asset.StoredFile, ct).ConfigureAwait(false))
                await using (var target = File.Create(copy))
                {
                    await stored.CopyToAsync(target, ct).ConfigureAwait(false);
                }

                source = copy;
            }

            var filter = asset.Kind == AssetKind.Video ? $"thumbnail=n={CandidateFrames},scale={Width}:-2" : $"scale={Width}:-2";
            var job = new MediaJob([MediaInput.File(source)], null, ["-map", "0:v:0", "-vf", filter, "-frames:v", "1", "-q:v", "4", "-f", "image2"], output, TimeSpan.Zero);
            await media.RunAsync(job, null, ct).ConfigureAwait(false);

            // Two requests racing both make one; each promotes its own scratch file atomically, so either wins whole.
            await files.PromoteAsync(output, key, ct).ConfigureAwait(false);
            LogMade(logger, asset.Id, asset.Kind);
        }
        finally
        {
            File.Delete(output);
            if (copy is not null)
            {
                File.Delete(copy);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Made the preview of asset {AssetId} ({Kind})")]
    private static partial void LogMade(ILogger logger, Guid assetId, AssetKind kind);
}
