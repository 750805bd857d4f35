using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studio.Core;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Templates;
using Studio.Providers;

namespace Studio.Tests.Builders;

/// <summary>
/// Core and the providers exactly as the app registers them (AddStudioCore + AddStudioProviders), over a temp data
/// folder with a migrated SQLite database (or a fresh PostgreSQL one, see <see cref="TestEngine"/>), real FFmpeg and the real local provider; no web host and no hosted worker,
/// so a test drives the queue and the runner itself.
/// </summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private IHost _host = null!;

    public IServiceProvider Services => _host.Services;

    public string DataDirectory => _folder.Path;

    /// <summary>Starts a host; on <paramref name="engine"/> (default SQLite in its data folder), a fresh database.</summary>
    public static async Task<CoreHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, TestEngine? engine = null)
    {
        var core = new CoreHost();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = core._folder.Path,
            EnvironmentName = Environments.Development,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Studio:DataDirectory"] = core._folder.Path,
            ["Studio:Workers:StatusPoll"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(await (engine ?? TestEngine.Sqlite).SettingsAsync());
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        services?.Invoke(builder.Services);
        builder.AddStudioCore();
        builder.AddStudioProviders();
        core._host = builder.Build();
        await core._host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await core._host.Services.GetRequiredService<TemplateSeeder>().SeedAsync(CancellationToken.None);
        return core;
    }

    public T Get<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public async Task AddTemplateAsync(VideoTemplate template)
    {
        await using var db = Get<Microsoft.EntityFrameworkCore.IDbContextFactory<StudioDbContext>>().CreateDbContext();
        db.Templates.Add(template);
        await db.SaveChangesAsync();
    }

    /// <summary>The job as stored now, with its segments (read untracked).</summary>
    public async Task<ProductionJob> LoadJobAsync(Guid jobId)
    {
        await using var db = await Get<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().Include(j => j.Segments).SingleAsync(j => j.Id == jobId);
    }

    /// <summary>Runs a worker loop named <paramref name="worker"/> until the job has finished (two minutes at most), then stops it.</summary>
    public async Task RunUntilFinishedAsync(Guid jobId, string worker)
    {
        var finished = Get<IJobEvents>().WaitUntilFinishedAsync(jobId, TimeSpan.FromMinutes(2));
        using var stop = new CancellationTokenSource();
        var loop = Get<Studio.Core.Orchestration.WorkerLoop>().RunAsync(worker, stop.Token);
        try
        {
            await finished;
        }
        finally
        {
            await stop.CancelAsync();
            await loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        await Task.CompletedTask;
    }
}
