using System.Globalization;
using Studio.Core.Common;
using Studio.Core.Media;
using Studio.Core.Providers;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.Providers.Media;

/// <summary>
/// What provider clients need from a generation's input: its bytes (bounded), a data URI, a signed link, or the image
/// fitted to a size the provider accepts (resized and padded, never cropped).
/// </summary>
public sealed class ProviderInputs(IGenerationInputs inputs, IMediaEngine media, StudioPaths paths)
{
    /// <summary>Default largest input sent inline: 20 MB.</summary>
    public const long DefaultMaxInlineBytes = 20L * 1024 * 1024;

    /// <summary>The input's bytes.</summary>
    /// <exception cref="ProviderException">Longer than <paramref name="maxBytes"/> (permanent).</exception>
    public async Task<byte[]> ReadAsync(GenerationInput input, string providerDisplayName, CancellationToken ct, long maxBytes = DefaultMaxInlineBytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stream = await inputs.OpenReadAsync(input, ct).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new ProviderException(
                        StoredText.Of("The input file is larger than the {0} MB {1} takes inline.", maxBytes / (1024 * 1024), providerDisplayName),
                        isPermanent: true);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>The input as a <c>data:</c> URI (base64).</summary>
    public async Task<string> DataUriAsync(GenerationInput input, string providerDisplayName, CancellationToken ct, long maxBytes = DefaultMaxInlineBytes)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = await ReadAsync(input, providerDisplayName, ct, maxBytes).ConfigureAwait(false);
        return $"data:{input.ContentType};base64,{Convert.ToBase64String(bytes)}";
    }

    /// <summary>A signed, expiring link to the input.</summary>
    /// <exception cref="ProviderException">No <c>Studio:PublicBaseUrl</c> is set (permanent).</exception>
    public Uri LinkFor(GenerationInput input, string providerDisplayName)
    {
        ArgumentNullException.ThrowIfNull(input);
        return inputs.LinkFor(input) ?? throw new ProviderException(
            StoredText.Of("{0} fetches input files by URL: set Studio:PublicBaseUrl to an address it can reach.", providerDisplayName),
            isPermanent: true);
    }

    /// <summary>
    /// The input image resized to fit inside <paramref name="size"/> and padded (black) to exactly that size, encoded as
    /// PNG (<paramref name="format"/> "png") or JPEG ("jpeg").
    /// </summary>
    public async Task<byte[]> FitImageAsync(GenerationInput input, FrameSize size, string format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var extension = format == "png" ? ".png" : ".jpg";
        var source = paths.NewTempFile(".input");
        var fitted = paths.NewTempFile(extension);
        try
        {
            var stream = await inputs.OpenReadAsync(input, ct).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var file = File.Create(source);
                await using (file.ConfigureAwait(false))
                {
                    await stream.CopyToAsync(file, ct).ConfigureAwait(false);
                }
            }

            var (w, h) = (size.Width.ToString(CultureInfo.InvariantCulture), size.Height.ToString(CultureInfo.InvariantCulture));
            var graph = $"[0:v]scale={w}:{h}:force_original_aspect_ratio=decrease,pad={w}:{h}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,format={(format == "png" ? "rgb24" : "yuvj420p")}[img]";
            List<string> output = format == "png"
                ? ["-map", "[img]", "-frames:v", "1", "-c:v", "png"]
                : ["-map", "[img]", "-frames:v", "1", "-c:v", "mjpeg", "-q:v", "2"];
            await media.RunAsync(new MediaJob([MediaInput.File(source)], graph, output, fitted, TimeSpan.Zero), null, ct).ConfigureAwait(false);
            return await File.ReadAllBytesAsync(fitted, ct).ConfigureAwait(false);
        }
        catch (MediaProcessingException ex)
        {
            throw new ProviderException(StoredText.Of("The input image could not be read: {0}", ex.Stored), isPermanent: true, ex);
        }
        finally
        {
            File.Delete(source);
            File.Delete(fitted);
        }
    }
}
