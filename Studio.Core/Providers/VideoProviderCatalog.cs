namespace Studio.Core.Providers;

/// <summary>The providers this installation has, by name.</summary>
public sealed class VideoProviderCatalog
{
    private readonly Dictionary<string, IVideoProvider> _byName;

    /// <summary>Indexes the registered providers.</summary>
    public VideoProviderCatalog(IEnumerable<IVideoProvider> providers)
    {
        _byName = providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All providers, by name.</summary>
    public IReadOnlyCollection<IVideoProvider> All => _byName.Values;

    /// <summary>The provider with that name, or null.</summary>
    public IVideoProvider? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The provider with that name.</summary>
    /// <exception cref="InvalidOperationException">None has that name.</exception>
    public IVideoProvider Get(string name) =>
        Find(name) ?? throw new InvalidOperationException($"No video provider is named '{name}'.");
}
