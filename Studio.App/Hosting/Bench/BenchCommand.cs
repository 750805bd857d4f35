using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Studio.Core.Accounts;

namespace Studio.App.Hosting.Bench;

/// <summary>
/// <c>dotnet run -c Release --project Studio.App -- bench &lt;name&gt; [count]</c>: runs one benchmark in a throw-away data
/// folder and prints its figures. <c>quick-video</c>: <see cref="QuickVideoBench"/>; <c>orchestration</c>:
/// <see cref="OrchestrationBench"/>; <c>assembly</c>: <see cref="AssemblyBench"/>.
/// </summary>
internal static class BenchCommand
{
    public const string Admin = "bench@studio.local";

    private const string Usage = "Usage: bench quick-video [runs] | bench orchestration [jobs] [--database postgresql [--connection <cs>] [--workers 1,2,4]] | bench assembly [runs] | bench dashboard [jobs]";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "bench";

    /// <summary>
    /// Points the host at a throw-away data folder, with the bench's own settings, before its services are registered
    /// (the database engine, Redis and the process's roles are chosen at registration). For
    /// <c>--database postgresql</c> without <c>--connection</c>, starts a throw-away PostgreSQL and a redis-server
    /// (registered as <see cref="BenchServers"/>, stopped when the bench ends).
    /// </summary>
    public static async Task ConfigureAsync(WebApplicationBuilder builder, string[] args)
    {
        var arguments = BenchArguments.Parse(args);
        if (arguments.Name == "orchestration")
        {
            OrchestrationBench.Configure(builder.Configuration);
        }

        var folder = Path.Combine(Path.GetTempPath(), "studio-bench", Guid.NewGuid().ToString("N"));
        builder.Configuration["Studio:DataDirectory"] = folder;
        builder.Configuration["Studio:Bootstrap:AdminEmail"] = Admin;
        builder.Configuration["Studio:Bootstrap:AdminPassword"] = "Bench-Pass-1234!";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None";
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        if (arguments is { PostgreSql: true, Error: null })
        {
            var redisGiven = !string.IsNullOrWhiteSpace(builder.Configuration["Studio:Redis:Connection"]);
            var servers = await BenchServers.StartAsync(postgres: arguments.Connection is null, redis: !redisGiven, CancellationToken.None);
            builder.Services.AddSingleton(servers);
            builder.Configuration["Studio:Roles"] = "Web";
            builder.Configuration["Studio:Database:Provider"] = "PostgreSql";
            builder.Configuration["Studio:Database:ConnectionString"] = arguments.Connection ?? servers.DatabaseConnection;
            if (!redisGiven)
            {
                builder.Configuration["Studio:Redis:Connection"] = servers.RedisConnection;
            }
        }
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var arguments = BenchArguments.Parse(args);
        var name = arguments.Name;
        var count = arguments.Count;
        if (name is not ("quick-video" or "orchestration" or "assembly" or "dashboard") || arguments.Error is not null)
        {
            Console.Error.WriteLine(arguments.Error ?? Usage);
            Console.Error.WriteLine(Usage);
            await StopServersAsync(app);
            return 2;
        }

        try
        {
            await app.PrepareStudioAsync(announce: false);
            await app.StartAsync();
            try
            {
                return name switch
                {
                    "orchestration" when arguments.PostgreSql => await WorkerScalingBench.RunAsync(app.Services, app.Configuration,
                        arguments with { Count = Math.Clamp(count ?? 500, 1, 100_000) }, app.Services.GetService<BenchServers>()?.Description ?? "given by --connection and Studio:Redis:Connection",
                        app.Lifetime.ApplicationStopping),
                    "orchestration" => await OrchestrationBench.RunAsync(app.Services, Math.Clamp(count ?? 1000, 1, 100_000)),
                    "assembly" => await AssemblyBench.RunAsync(app.Services, Math.Clamp(count ?? 3, 1, 10)),
                    "dashboard" => await DashboardBench.RunAsync(app.Services, Math.Clamp(count ?? 100_000, 1, 1_000_000)),
                    _ => await QuickVideoBench.RunAsync(app.Services, Math.Clamp(count ?? 3, 1, 10)),
                };
            }
            catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // Ctrl+C: the worker processes, the servers the bench started and its data folder still go.
                Console.Error.WriteLine("Bench stopped before its end; no figures.");
                return 130;
            }
            finally
            {
                await app.StopAsync();
                RemoveDataFolder(app.Configuration["Studio:DataDirectory"]);
            }
        }
        finally
        {
            await StopServersAsync(app);
        }
    }

    // The host goes first: its Redis and database clients would otherwise try to reconnect to stopped servers.
    private static async Task StopServersAsync(WebApplication app)
    {
        if (app.Services.GetService<BenchServers>() is { } servers)
        {
            await app.DisposeAsync();
            await servers.DisposeAsync();
        }
    }

    // The bench's throw-away data folder goes with it: a thousand jobs leave gigabytes of clips behind.
    private static void RemoveDataFolder(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not remove the bench's data folder {folder}: {ex.Message}");
        }
    }

    /// <summary>The bench admin's user id.</summary>
    public static async Task<string> AdminIdAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>().FindByEmailAsync(Admin))!.Id;
    }

    public static double Median(List<double> values) => Percentile(values, 0.5);

    /// <summary>The value below which <paramref name="share"/> of <paramref name="values"/> fall (nearest rank).</summary>
    public static double Percentile(List<double> values, double share)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(share * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));
}
