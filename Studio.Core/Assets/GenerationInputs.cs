using Studio.Core.Providers;
using Studio.Core.Storage;

namespace Studio.Core.Assets;

/// <summary>
/// Inputs from the file store; links straight to the store when it makes them (S3 presigned URLs, which work on any
/// number of nodes without a public Studio address), else Studio's own signed links from <see cref="AssetLinks"/>.
/// </summary>
public sealed class GenerationInputs(IFileStore files, IFileLinks fileLinks, AssetLinks links) : IGenerationInputs
{
    /// <inheritdoc />
    public Task<Stream> OpenReadAsync(GenerationInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        return files.OpenReadAsync(input.StoredFile, ct);
    }

    /// <inheritdoc />
    public Uri? LinkFor(GenerationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return fileLinks.ReadLink(input.StoredFile, input.ContentType, downloadName: null) ?? links.LinkFor(input.AssetId);
    }
}
