using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Studio.Core.Redis;

/// <summary>
/// The one multiplexer of this process, connected on first use. It never refuses to start when Redis is down
/// (<c>AbortOnConnectFail=false</c>): it keeps reconnecting on its own, and commands fail fast meanwhile.
/// </summary>
public sealed partial class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;
    private readonly ILogger<RedisConnection> _logger;

    /// <summary>Reads the options; connects lazily.</summary>
    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            throw new InvalidOperationException($"{RedisOptions.Section}:Connection is not set.");
        }

        Prefix = settings.Prefix;
        _logger = logger;
        _multiplexer = new(() => Connect(settings.Connection!), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Starts every channel and key name (see <see cref="RedisOptions.Prefix"/>).</summary>
    public string Prefix { get; }

    /// <summary>The shared multiplexer.</summary>
    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    /// <summary>The default database.</summary>
    public IDatabase Database => Multiplexer.GetDatabase();

    /// <summary>Reads a connection string the way Studio connects: no failure at start, short timeouts, reconnects.</summary>
    public static ConfigurationOptions Configure(string connection)
    {
        var configuration = ConfigurationOptions.Parse(connection);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName ??= "studio";

        // A publish on a worker's path must give up quickly when Redis is away (it is logged and skipped).
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 5_000);
        configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 2_000);
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 2_000);
        return configuration;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }

    private ConnectionMultiplexer Connect(string connection)
    {
        var multiplexer = ConnectionMultiplexer.Connect(Configure(connection));
        multiplexer.ConnectionFailed += (_, e) => LogLost(_logger, e.Exception, e.EndPoint?.ToString(), e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => LogRestored(_logger, e.EndPoint?.ToString());
        return multiplexer;
    }

    [LoggerMessage(LogLevel.Warning, "Lost Redis at {EndPoint} ({FailureType}); reconnecting")]
    private static partial void LogLost(ILogger logger, Exception? exception, string? endPoint, ConnectionFailureType failureType);

    [LoggerMessage(LogLevel.Information, "Reconnected to Redis at {EndPoint}")]
    private static partial void LogRestored(ILogger logger, string? endPoint);
}
