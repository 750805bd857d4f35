using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Providers.Sim;

namespace Studio.App.Hosting.Bench;

/// <summary>
/// <c>bench orchestration --database postgresql [--connection &lt;cs&gt;] [--workers 1,2,4] [jobs]</c>: the figures of
/// <see cref="OrchestrationBench"/> (segments per second through the queue, state change → subscriber p50/p95), once
/// per worker count, with that many separate worker processes (<c>Studio:Roles=Worker</c>) sharing one PostgreSQL
/// database and Redis for events. This process plays the web role only: it creates and starts the jobs, listens to
/// the events arriving through Redis and counts finished segments in the database.
/// <para>
/// The <c>sim</c> provider keeps its generations in one process's memory, so a status poll claimed by another worker
/// than the one that submitted would ask a server that never heard of it (and the segment would be made again). Every
/// worker therefore talks to this process's own simulator (<c>Studio:Providers:Sim:BaseUrl</c>), as the test hosts
/// sharing one server do. Files go to the data folder every process shares. Assembly is not timed here.
/// </para>
/// </summary>
internal static class WorkerScalingBench
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration configuration, BenchArguments arguments, string started, CancellationToken ct)
    {
        var count = arguments.Count ?? 500;
        var userId = await BenchCommand.AdminIdAsync(services);
        await OrchestrationBench.AddTemplateAsync(services);
        var settings = new Dictionary<string, string>(OrchestrationBench.Settings())
        {
            ["Studio:Database:Provider"] = "PostgreSql",
            ["Studio:Database:ConnectionString"] = configuration["Studio:Database:ConnectionString"]!,
            ["Studio:Redis:Connection"] = configuration["Studio:Redis:Connection"]!,
            ["Studio:Redis:Prefix"] = configuration["Studio:Redis:Prefix"] ?? "studio",
            ["Studio:DataDirectory"] = configuration["Studio:DataDirectory"]!,
            ["Studio:Bootstrap:AdminEmail"] = BenchCommand.Admin,
            ["Studio:Bootstrap:AdminPassword"] = configuration["Studio:Bootstrap:AdminPassword"]!,
            ["Studio:Providers:Sim:BaseUrl"] = services.GetRequiredService<SimServer>().BaseAddress.ToString(),
        };

        Console.WriteLine($"PostgreSQL + Redis: {started}");
        Console.WriteLine($"{count} jobs x {OrchestrationBench.Segments} segments on sim (instant, one simulator in the bench process) per round, " +
                          $"worker processes with 16 steps at once each, {Environment.ProcessorCount} cores");
        var rows = new List<Round>();
        foreach (var workers in arguments.Workers)
        {
            rows.Add(await RunRoundAsync(services, userId, count, workers, settings, ct));
            Console.WriteLine($"  {workers} worker process(es): {rows[^1].SegmentsPerSecond:0} segments/s");
        }

        Console.WriteLine();
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-16}{1}", "worker processes", string.Concat(rows.Select(r => $"{r.Workers,14}"))));
        Print("segments", rows, r => $"{r.Segments}");
        Print("seconds", rows, r => r.Seconds.ToString("0.00", CultureInfo.InvariantCulture));
        Print("segments/s", rows, r => r.SegmentsPerSecond.ToString("0", CultureInfo.InvariantCulture));
        Print("event p50 ms", rows, r => r.P50.ToString("0.00", CultureInfo.InvariantCulture));
        Print("event p95 ms", rows, r => r.P95.ToString("0.00", CultureInfo.InvariantCulture));
        Print("events", rows, r => $"{r.Events}");
        Print("jobs finished", rows, r => $"{r.Finished}/{count}");
        return rows.All(r => r.Finished == count) ? 0 : 1;
    }

    private static void Print(string label, List<Round> rows, Func<Round, string> cell) =>
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-16}{1}", label, string.Concat(rows.Select(r => $"{cell(r),14}"))));

    private static async Task<Round> RunRoundAsync(IServiceProvider services, string userId, int count, int workers, IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var jobs = services.GetRequiredService<JobService>();
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var created = await jobs.CreateAsync(userId, new CreateJobCommand($"Bench {workers}w {i}", "Orchestration bench", OrchestrationBench.Template, "sim"), ct);
            ids.Add(created.Job?.Id ?? throw new InvalidOperationException(string.Join("; ", created.Errors!.Messages)));
        }

        await using var processes = await WorkerProcesses.StartAsync(workers, settings, ct);
        var mine = ids.ToHashSet();
        var events = services.GetRequiredService<IJobEvents>();
        var time = services.GetRequiredService<TimeProvider>();
        var delays = new ConcurrentQueue<double>();
        using var subscription = events.SubscribeToOwner(userId, change =>
        {
            if (mine.Contains(change.JobId))
            {
                delays.Enqueue((time.GetUtcNow() - change.At).TotalMilliseconds);
            }

            return ValueTask.CompletedTask;
        });

        var watch = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            var started = await jobs.StartWithReasonAsync(userId, id, ct);
            if (started.Outcome != JobCommandOutcome.Done)
            {
                throw new InvalidOperationException($"A bench job was not started: {started.Outcome} {started.Reason}");
            }
        }

        await WaitForSegmentsAsync(services, ids, ct).WaitAsync(TimeSpan.FromMinutes(30), ct);
        var elapsed = watch.Elapsed;

        // The segment-only workers leave the jobs waiting for assembly: "finished" here means every segment made.
        var finished = await CountJobsWithAllSegmentsAsync(services, ids);
        await Task.Delay(200, ct);
        var list = delays.ToList();
        var segments = count * OrchestrationBench.Segments;
        return new Round(workers, segments, elapsed.TotalSeconds, segments / elapsed.TotalSeconds,
            BenchCommand.Percentile(list, 0.5), BenchCommand.Percentile(list, 0.95), list.Count, finished);
    }

    private static async Task WaitForSegmentsAsync(IServiceProvider services, List<Guid> ids, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                var done = await db.Segments.CountAsync(s => ids.Contains(s.JobId) && (s.Status == SegmentStatus.Succeeded || s.Status == SegmentStatus.Failed), ct);
                if (done >= ids.Count * OrchestrationBench.Segments)
                {
                    return;
                }
            }

            await Task.Delay(100, ct);
        }
    }

    private static async Task<int> CountJobsWithAllSegmentsAsync(IServiceProvider services, List<Guid> ids)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        var succeeded = await db.Segments.Where(s => ids.Contains(s.JobId) && s.Status == SegmentStatus.Succeeded)
            .GroupBy(s => s.JobId).Select(g => g.Count()).ToListAsync();
        return succeeded.Count(n => n == OrchestrationBench.Segments);
    }

    private sealed record Round(int Workers, int Segments, double Seconds, double SegmentsPerSecond, double P50, double P95, int Events, int Finished);
}
