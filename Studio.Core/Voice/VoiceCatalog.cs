namespace Studio.Core.Voice;

/// <summary>The voice engines this installation has, by name.</summary>
public sealed class VoiceCatalog
{
    private readonly Dictionary<string, IVoiceEngine> _byName;

    /// <summary>Indexes the registered engines.</summary>
    public VoiceCatalog(IEnumerable<IVoiceEngine> engines)
    {
        _byName = engines.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All engines.</summary>
    public IReadOnlyCollection<IVoiceEngine> All => _byName.Values;

    /// <summary>The engine with that name, or null.</summary>
    public IVoiceEngine? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The engine with that name.</summary>
    /// <exception cref="InvalidOperationException">None has that name.</exception>
    public IVoiceEngine Get(string name) =>
        Find(name) ?? throw new InvalidOperationException($"No voice engine is named '{name}'.");
}
