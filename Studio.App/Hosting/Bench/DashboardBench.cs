using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Studio.Core.Analytics;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Templates;

namespace Studio.App.Hosting.Bench;

/// <summary>
/// <c>bench dashboard [jobs]</c>: seeds N jobs (default 100,000) for one user over two years, a ledger line per finished
/// job, then times the dashboard's reads as the page makes them: the first page, a page sorted by cost, a page
/// filtered by status and title, and the stat cards with their charts; and the analytics report per month. Prints
/// p50/p95 over several runs after one warm-up.
/// </summary>
internal static class DashboardBench
{
    private const int Runs = 15;

    public static async Task<int> RunAsync(IServiceProvider services, int count)
    {
        var userId = await BenchCommand.AdminIdAsync(services);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(services, userId, count);
        Console.WriteLine($"seeded {count} jobs (and {count / 2} ledger lines) for one user in {seeding.Elapsed.TotalSeconds:0.0} s");

        var dashboard = services.GetRequiredService<DashboardQueries>();
        var analytics = services.GetRequiredService<AnalyticsQueries>();
        await TimeAsync("first page (newest first, 10 rows + count)", () => dashboard.PageAsync(userId, new JobListQuery(), CancellationToken.None));
        await TimeAsync("page 500 sorted by cost", () => dashboard.PageAsync(userId, new JobListQuery(Page: 500, Sort: JobSort.Cost), CancellationToken.None));
        await TimeAsync("page sorted by title", () => dashboard.PageAsync(userId, new JobListQuery(Sort: JobSort.Title, Descending: false), CancellationToken.None));
        await TimeAsync("filtered: Failed + title search", () => dashboard.PageAsync(userId, new JobListQuery(Status: JobStatus.Failed, Search: "77"), CancellationToken.None));
        await TimeAsync("stat cards + charts", () => dashboard.StatsAsync(userId, CancellationToken.None));
        await TimeAsync("analytics, 12 months", () => analytics.ReportAsync(userId, AnalyticsPeriod.Month, 12, CancellationToken.None));
        return 0;
    }

    private static async Task TimeAsync<T>(string what, Func<Task<T>> read)
    {
        await read();
        var times = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await read();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: p50 {BenchCommand.Median(times):0.0} ms, p95 {BenchCommand.Percentile(times, 0.95):0.0} ms ({Runs} runs)"));
    }

    // Rows are copied from one real job (made by the job service) with new ids, titles, states, dates and money, in one
    // transaction of prepared inserts: 100,000 jobs in seconds rather than through 100,000 creations.
    private static async Task SeedAsync(IServiceProvider services, string userId, int count)
    {
        var created = await services.GetRequiredService<JobService>().CreateAsync(userId, new CreateJobCommand("Seed", "Dashboard bench", DefaultTemplates.Reels30), CancellationToken.None);
        var sourceId = created.Job?.Id ?? throw new InvalidOperationException(string.Join("; ", created.Errors!.Messages));
        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var entity = db.Model.FindEntityType(typeof(ProductionJob))!;
        var overridden = new[] { "Id", "Title", "Status", "CreatedAt", "StartedAt", "FinishedAt", "EstimatedCostUsd", "ActualCostUsd", "PosterFile", "Version", "Progress" };
        var copied = entity.GetProperties().Select(p => p.GetColumnName()).Where(c => !overridden.Contains(c)).ToList();
        var insertJob = $"INSERT INTO Jobs ({string.Join(", ", overridden.Concat(copied))}) SELECT $id, $title, $status, $created, $started, $finished, $estimate, $actual, $poster, $version, $progress, {string.Join(", ", copied)} FROM Jobs WHERE Id = $source";

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var jobs = connection.CreateCommand();
        jobs.Transaction = transaction;
#pragma warning disable CA2100 // The SQL is built from the model's own column names, not from input.
        jobs.CommandText = insertJob;
#pragma warning restore CA2100
        string[] names = ["$id", "$title", "$status", "$created", "$started", "$finished", "$estimate", "$actual", "$poster", "$version", "$progress", "$source"];
        foreach (var name in names)
        {
            jobs.Parameters.Add(new SqliteParameter(name, null));
        }

        await using var costs = connection.CreateCommand();
        costs.Transaction = transaction;
        costs.CommandText = "INSERT INTO Costs (Id, OwnerId, JobId, SegmentIndex, Provider, Kind, AmountUsd, At) VALUES ($id, $owner, $job, 0, $provider, 'Clip', $amount, $at)";
        foreach (var name in new[] { "$id", "$owner", "$job", "$provider", "$amount", "$at" })
        {
            costs.Parameters.Add(new SqliteParameter(name, null));
        }

        var converter = new DateTimeOffsetToBinaryConverter();
        long Stored(DateTimeOffset at) => (long)converter.ConvertToProvider(at)!;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var statuses = new[] { JobStatus.Completed, JobStatus.Completed, JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled, JobStatus.Draft };
        string[] providers = ["sim", "luma", "runway", "local"];
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            var createdAt = now.AddMinutes(-(long)i * 2 * 365 * 24 * 60 / count).AddSeconds(-random.Next(60));
            var status = statuses[i % statuses.Length];
            var finished = status is JobStatus.Draft ? (DateTimeOffset?)null : createdAt.AddSeconds(60 + random.Next(600));
            var estimate = Math.Round((decimal)random.NextDouble() * 5m, 2);
            var id = Guid.CreateVersion7(createdAt);
            object?[] values =
            [
                id.ToString().ToUpperInvariant(), string.Create(CultureInfo.InvariantCulture, $"Bench video {i}"), status.ToString(), Stored(createdAt),
                finished is null ? DBNull.Value : Stored(createdAt.AddSeconds(20)), finished is null ? DBNull.Value : Stored(finished.Value),
                estimate.ToString(CultureInfo.InvariantCulture), (status == JobStatus.Completed ? estimate : 0m).ToString(CultureInfo.InvariantCulture),
                status == JobStatus.Completed ? $"jobs/{id}/out/poster.jpg" : DBNull.Value, Guid.NewGuid().ToString().ToUpperInvariant(),
                status == JobStatus.Completed ? 1.0 : 0.0, sourceId.ToString().ToUpperInvariant(),
            ];
            for (var p = 0; p < names.Length; p++)
            {
                jobs.Parameters[p].Value = values[p];
            }

            await jobs.ExecuteNonQueryAsync();
            if (status == JobStatus.Completed)
            {
                costs.Parameters[0].Value = Guid.NewGuid().ToString().ToUpperInvariant();
                costs.Parameters[1].Value = userId;
                costs.Parameters[2].Value = id.ToString().ToUpperInvariant();
                costs.Parameters[3].Value = providers[i % providers.Length];
                costs.Parameters[4].Value = estimate.ToString(CultureInfo.InvariantCulture);
                costs.Parameters[5].Value = Stored(finished!.Value);
                await costs.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }
}
