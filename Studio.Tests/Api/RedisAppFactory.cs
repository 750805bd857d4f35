namespace Studio.Tests.Api;

/// <summary>
/// The app on a shared Redis (<c>Studio:Redis:Connection</c> and a prefix of the test's own). Given another host's
/// data folder, it shares that host's database too, as two web nodes of one Studio do.
/// </summary>
public sealed class RedisAppFactory(string connection, string prefix, string? sharedDataDirectory = null)
    : StudioAppFactory(Settings(connection, prefix, sharedDataDirectory))
{
    private static Dictionary<string, string?> Settings(string connection, string prefix, string? sharedDataDirectory)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Studio:Redis:Connection"] = connection,
            ["Studio:Redis:Prefix"] = prefix,
        };
        if (sharedDataDirectory is not null)
        {
            settings["Studio:DataDirectory"] = sharedDataDirectory;
        }

        return settings;
    }
}
