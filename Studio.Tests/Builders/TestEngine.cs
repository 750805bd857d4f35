using Studio.Core.Persistence;

namespace Studio.Tests.Builders;

/// <summary>
/// The database a test's <see cref="CoreHost"/> runs on: SQLite in its data folder (the default, events in process) or a
/// fresh PostgreSQL database with job events over the run's Redis (a fresh prefix each time, so hosts never hear each other).
/// </summary>
public sealed class TestEngine
{
    private readonly PostgreSqlServer? _server;

    private TestEngine(PostgreSqlServer? server) => _server = server;

    public static TestEngine Sqlite { get; } = new(null);

    public static TestEngine PostgreSql(PostgreSqlServer server) => new(server);

    public bool IsPostgreSql => _server is not null;

    /// <summary>The configuration that selects it (a new database each call on PostgreSQL).</summary>
    public async Task<IDictionary<string, string?>> SettingsAsync() => _server is null
        ? new Dictionary<string, string?>()
        : new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.PostgreSql),
            [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}"] = await _server.CreateDatabaseAsync(),
            ["Studio:Redis:Connection"] = _server.Redis.Connection,
            ["Studio:Redis:Prefix"] = RedisServer.NewPrefix(),
        };

    public override string ToString() => IsPostgreSql ? "PostgreSQL and Redis" : "SQLite";
}
