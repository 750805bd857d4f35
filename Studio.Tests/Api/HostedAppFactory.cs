namespace Studio.Tests.Api;

/// <summary>
/// The app with every hosted provider, the chat script writer and the OpenAI voice configured: each has its own
/// distinctive planted API key (so a test can prove no key ever leaves the server). Nothing is reachable at those
/// addresses: the tests that use this fixture only estimate, list and create drafts, which call no vendor.
/// </summary>
public sealed class HostedAppFactory : StudioAppFactory
{
    /// <summary>The hosted video providers, by their configuration section name.</summary>
    public static readonly IReadOnlyList<string> HostedProviders = ["Luma", "Runway", "Pika", "Stability", "Sora", "Veo"];

    public HostedAppFactory()
        : base(Settings())
    {
    }

    /// <summary>Every planted key: one per hosted provider, the chat writer's and the voice's.</summary>
    public static IReadOnlyList<string> PlantedKeys => [.. HostedProviders.Select(KeyOf), KeyOf("Chat"), KeyOf("Voice")];

    /// <summary>The planted key of <paramref name="name"/>: long, unlike anything else the API could say.</summary>
    public static string KeyOf(string name) => $"planted-{name.ToLowerInvariant()}-key-9f3c2a71d4e8b605";

    private static Dictionary<string, string?> Settings()
    {
        var settings = HostedProviders.ToDictionary(p => $"Studio:Providers:{p}:ApiKey", p => (string?)KeyOf(p));
        settings["Studio:ScriptWriter:Engine"] = "chat";
        settings["Studio:ScriptWriter:Chat:ApiKey"] = KeyOf("Chat");
        // Port 9 (discard) on loopback: if anything did call the writer, it would fail at once instead of reaching out.
        settings["Studio:ScriptWriter:Chat:BaseUrl"] = "http://127.0.0.1:9";
        settings["Studio:Voice:OpenAI:ApiKey"] = KeyOf("Voice");
        return settings;
    }
}
