using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Studio.Core.Analytics;
using Studio.Core.Persistence.PostgreSql;
using Studio.Core.Storage;

namespace Studio.Core.Persistence;

/// <summary>Registers the database: the engine is chosen here (Studio:Database) and nowhere else.</summary>
public static class DatabaseServiceExtensions
{
    /// <summary>
    /// Adds the context factory (SQLite under the data folder by default, or PostgreSQL), the scoped context Identity
    /// uses, the write gate, the migrator, the engine's <see cref="IDatabaseConcurrency"/> and its <see cref="IAnalyticsSql"/>.
    /// </summary>
    public static IHostApplicationBuilder AddStudioDatabase(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // The engine decides which services exist, so it is read now; its settings are validated with the options.
        var provider = builder.Configuration.GetSection(DatabaseOptions.Section).GetValue(nameof(DatabaseOptions.Provider), DatabaseProvider.Sqlite);
        if (provider == DatabaseProvider.PostgreSql)
        {
            services.AddPooledDbContextFactory<PostgreSqlStudioDbContext>((sp, options) =>
                options.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)
                    .AddInterceptors(new SkipLockedInterceptor(), new CaseInsensitiveLikeInterceptor()));
            services.AddSingleton<IDbContextFactory<StudioDbContext>>(sp =>
                new ContextFactoryAdapter<PostgreSqlStudioDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlStudioDbContext>>()));
            services.AddSingleton<IDatabaseConcurrency, PostgreSqlConcurrency>();
            services.AddSingleton<IAnalyticsSql, PostgreSqlAnalyticsSql>();
        }
        else
        {
            services.AddPooledDbContextFactory<StudioDbContext>((sp, options) =>
                options.UseSqlite($"Data Source={sp.GetRequiredService<StudioPaths>().DatabaseFile};Pooling=true;Default Timeout=30")
                    .AddInterceptors(new SqlitePragmas()));
            services.AddSingleton<IDatabaseConcurrency, SqliteConcurrency>();
            services.AddSingleton<IAnalyticsSql, SqliteAnalyticsSql>();
        }

        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseWriteGate>();
        services.AddSingleton<DatabaseMigrator>();
        return builder;
    }
}
