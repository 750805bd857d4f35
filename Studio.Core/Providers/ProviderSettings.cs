namespace Studio.Core.Providers;

/// <summary>Where a provider's settings live, as users write them.</summary>
public static class ProviderSettings
{
    /// <summary>
    /// The configuration section of <paramref name="provider"/>, e.g. <c>Studio:Providers:Luma</c> for "luma" (keys are
    /// matched regardless of case; messages use the spelling of <c>appsettings.json</c>).
    /// </summary>
    public static string SectionOf(IVideoProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var name = provider.Name;
        return name.Length == 0 ? "Studio:Providers" : $"Studio:Providers:{char.ToUpperInvariant(name[0])}{name[1..]}";
    }
}
