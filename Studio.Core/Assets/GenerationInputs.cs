using Studio.Core.Providers;
using Studio.Core.Storage;

namespace Studio.Core.Assets;

/// <summary>Inputs from the file store, links from <see cref="AssetLinks"/>.</summary>
public sealed class GenerationInputs(IFileStore files, AssetLinks links) : IGenerationInputs
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
        return links.LinkFor(input.AssetId);
    }
}
