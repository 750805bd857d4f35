using Microsoft.EntityFrameworkCore;
using Studio.Core.Analytics;
using Studio.Core.Persistence;

namespace Studio.Tests.Core.Analytics;

/// <summary>
/// The database the dashboard and analytics query tests read, on either engine: a <see cref="TestDatabase"/> with
/// SQLite's SQL, or on PostgreSQL a <see cref="CoreHost"/>'s fresh database with the SQL AddStudioDatabase chose for it.
/// </summary>
internal sealed class AnalyticsDatabase : IAsyncDisposable
{
    private readonly IAsyncDisposable _owner;

    private AnalyticsDatabase(IAsyncDisposable owner, IDbContextFactory<StudioDbContext> factory, IAnalyticsSql sql)
    {
        _owner = owner;
        Factory = factory;
        Sql = sql;
    }

    public IDbContextFactory<StudioDbContext> Factory { get; }

    public IAnalyticsSql Sql { get; }

    public static async Task<AnalyticsDatabase> CreateAsync(TestEngine engine, TimeProvider time)
    {
        if (!engine.IsPostgreSql)
        {
            var database = await TestDatabase.CreateAsync(time);
            return new AnalyticsDatabase(database, database, new SqliteAnalyticsSql());
        }

        var core = await CoreHost.StartAsync(engine: engine);
        var sql = core.Get<IAnalyticsSql>();
        sql.Should().BeOfType<PostgreSqlAnalyticsSql>("AddStudioDatabase picks the engine's SQL");
        return new AnalyticsDatabase(core, core.Get<IDbContextFactory<StudioDbContext>>(), sql);
    }

    public ValueTask DisposeAsync() => _owner.DisposeAsync();
}
