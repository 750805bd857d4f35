using Studio.Core.Persistence;

namespace Studio.Tests.Api;

/// <summary>The app on PostgreSQL (<c>Studio:Database:Provider=PostgreSql</c>): the given database of the run's <see cref="Builders.PostgreSqlServer"/>.</summary>
public sealed class PostgreSqlAppFactory(string connectionString) : StudioAppFactory(new Dictionary<string, string?>
{
    [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.PostgreSql),
    [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}"] = connectionString,
});
