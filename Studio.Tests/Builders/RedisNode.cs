using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Accounts;
using Studio.Core.Events;
using Studio.Core.Redis;

namespace Studio.Tests.Builders;

/// <summary>
/// One Studio process's Redis-backed services, in a DI container of its own, registered the way
/// <c>AddStudioCore</c> registers them (in-memory defaults, then <c>AddStudioRedis</c> over them). Two nodes on one
/// <see cref="RedisServer"/> and prefix behave like two machines.
/// </summary>
public sealed class RedisNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private RedisNode(ServiceProvider services)
    {
        _services = services;
    }

    public IJobEvents Events => _services.GetRequiredService<IJobEvents>();

    public ISignInFailureCounter SignInFailures => _services.GetRequiredService<ISignInFailureCounter>();

    public RedisConnection Redis => _services.GetRequiredService<RedisConnection>();

    /// <summary>
    /// A node on <paramref name="connection"/>; returns once its event subscription is in place on the server (a ping
    /// on the subscription connection answers after the subscribe sent before it).
    /// </summary>
    public static async Task<RedisNode> StartAsync(string connection, string prefix, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Studio:Redis:Connection"] = connection,
            ["Studio:Redis:Prefix"] = prefix,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddStudioAccounts();
        services.AddSingleton<IJobEvents, InProcessJobEvents>();
        services.AddStudioRedis(configuration);
        var node = new RedisNode(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));
        _ = node.Events;
        if (node.Redis.Multiplexer.IsConnected)
        {
            await node.Redis.Multiplexer.GetSubscriber().PingAsync();
        }

        return node;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
