using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Studio.App.Hosting.Deployment;
using Studio.Core.Redis;

namespace Studio.App.Hosting;

/// <summary>
/// What several web nodes must share besides the database, when <c>Studio:Redis:Connection</c> is set: Blazor's
/// SignalR messages (the Redis backplane) and the data protection keys that sign cookies and antiforgery tokens, so
/// a cookie issued by one node is read by every other. Without Redis nothing changes (keys stay where ASP.NET Core
/// keeps them for this machine). A key ring folder set in <c>Studio:DataProtection:KeysFolder</c> keeps the keys instead.
/// </summary>
internal static class RedisScaleOut
{
    /// <summary>The data protection application name shared by every node (the default is the content root path).</summary>
    public const string ApplicationName = "Studio";

    public static IServiceCollection AddStudioRedisScaleOut(this IServiceCollection services, IConfiguration configuration)
    {
        if (!RedisServiceExtensions.IsConfigured(configuration))
        {
            return services;
        }

        var redis = configuration.GetSection(RedisOptions.Section).Get<RedisOptions>() ?? new RedisOptions();
        services.AddSignalR().AddStackExchangeRedis(options =>
        {
            options.Configuration = RedisConnection.Configure(redis.Connection!);
            options.Configuration.ChannelPrefix = RedisChannel.Literal(SignalRChannelPrefix(redis.Prefix));
        });

        // A key ring folder named by the operator (Studio:DataProtection:KeysFolder) wins: it outlives a Redis that keeps
        // no data. Both at once would leave the last registration to decide silently.
        if (!string.IsNullOrWhiteSpace(configuration[$"{DataProtectionSettings.Section}:{nameof(DataProtectionSettings.KeysFolder)}"]))
        {
            return services;
        }

        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<RedisConnection>((keys, connection) =>
            keys.XmlRepository = new RedisXmlRepository(() => connection.Database, DataProtectionKey(connection.Prefix)));
        return services;
    }

    /// <summary>The channel prefix of the SignalR backplane.</summary>
    public static string SignalRChannelPrefix(string prefix) => $"{prefix}:signalr";

    /// <summary>The Redis list that holds the data protection key ring.</summary>
    public static string DataProtectionKey(string prefix) => $"{prefix}:data-protection-keys";
}
