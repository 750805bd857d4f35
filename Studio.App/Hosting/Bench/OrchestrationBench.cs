using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.App.Hosting.Bench;

/// <summary>
/// <c>bench orchestration [jobs]</c>: N jobs × 6 segments through the durable queue (real worker loop, SQLite, the
/// <c>sim</c> provider over loopback HTTP answering at once with a real, flat-colour MP4 per segment — set
/// <c>STUDIO_BENCH_PATTERN_CLIPS=1</c> for vendor-sized 1 MB clips), timed alone — the hosted
/// worker runs with <c>Assemble=false</c>, as a segment-only worker would — then the real assembly of every cut by the
/// real assembly runner, two at a time. Prints segments per second through the queue, the delay from a state change to
/// a subscriber seeing it (p50/p95), and peak memory.
/// </summary>
internal static class OrchestrationBench
{
    public const string Template = "Bench 6x1";
    public const int Segments = 6;

    /// <summary>An instant simulator and enough room to keep the queue, not the provider, the bottleneck.</summary>
    public static void Configure(ConfigurationManager configuration)
    {
        foreach (var (key, value) in Settings())
        {
            configuration[key] = value;
        }
    }

    /// <summary>The bench's settings (also given to the worker processes of the PostgreSQL bench).</summary>
    public static IReadOnlyDictionary<string, string> Settings() => new Dictionary<string, string>
    {
        ["Studio:Providers:Sim:LatencyMs"] = "0",
        ["Studio:Providers:Sim:PollsBeforeDone"] = "0",
        ["Studio:Providers:Sim:TransientFailureRate"] = "0",
        ["Studio:Providers:Sim:PermanentFailureRate"] = "0",
        ["Studio:Providers:Sim:PlainClips"] = Environment.GetEnvironmentVariable("STUDIO_BENCH_PATTERN_CLIPS") == "1" ? "false" : "true",
        ["Studio:Workers:ProviderLimits:sim"] = "64",
        ["Studio:Workers:MaxConcurrentSteps"] = "16",
        ["Studio:Workers:Assemble"] = "false",
        ["Studio:Workers:StatusPoll"] = "00:00:00",
        ["Studio:Workers:IdlePoll"] = "00:00:00.200",

        // 1000 jobs of sim clips cost USD 60, past the default USD 50 a month: starts beyond it would be refused.
        ["Studio:Budget:MonthlyUsdPerUser"] = "1000000",
    };

    public static async Task<int> RunAsync(IServiceProvider services, int count)
    {
        var userId = await BenchCommand.AdminIdAsync(services);
        await AddTemplateAsync(services);
        var jobs = services.GetRequiredService<JobService>();
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var created = await jobs.CreateAsync(userId, new CreateJobCommand($"Bench {i}", "Orchestration bench", Template, "sim"), CancellationToken.None);
            ids.Add(created.Job?.Id ?? throw new InvalidOperationException(string.Join("; ", created.Errors!.Messages)));
        }

        var events = services.GetRequiredService<IJobEvents>();
        var time = services.GetRequiredService<TimeProvider>();
        var delays = new ConcurrentQueue<double>();
        var allSegmentsDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var jobsDone = 0;
        var allJobsDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = events.SubscribeToOwner(userId, change =>
        {
            delays.Enqueue((time.GetUtcNow() - change.At).TotalMilliseconds);
            if (change.Status.IsFinished() && change.SegmentIndex is null && Interlocked.Increment(ref jobsDone) == count)
            {
                allJobsDone.TrySetResult();
            }

            return ValueTask.CompletedTask;
        });
        var counting = CountSegmentsAsync(services, ids, () => allSegmentsDone.TrySetResult());

        Console.WriteLine($"{count} jobs x {Segments} segments on sim (instant), worker loop with 16 steps at once, SQLite");
        var watch = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            await jobs.StartAsync(userId, id, CancellationToken.None);
        }

        await allSegmentsDone.Task.WaitAsync(TimeSpan.FromMinutes(30));
        var generation = watch.Elapsed;
        await counting;
        var list = delays.ToList();

        var assembly = Stopwatch.StartNew();
        await AssembleAllAsync(services);
        await allJobsDone.Task.WaitAsync(TimeSpan.FromMinutes(60));
        var assembled = assembly.Elapsed;

        var completed = await CountCompletedAsync(services, ids);
        Console.WriteLine($"segments through the queue: {count * Segments} in {generation.TotalSeconds:0.00} s = {count * Segments / generation.TotalSeconds:0} segments/s (goal: at least 200)");
        Console.WriteLine($"state change -> subscriber: p50 {BenchCommand.Percentile(list, 0.5):0.00} ms, p95 {BenchCommand.Percentile(list, 0.95):0.00} ms over {list.Count} events (goal: p95 under 50 ms)");
        Console.WriteLine($"then assembled: {completed}/{count} jobs completed in {assembled.TotalSeconds:0.00} s ({count / assembled.TotalSeconds:0.0} cuts/s, FFmpeg stream copy, 2 at a time)");
        Console.WriteLine($"peak memory (working set): {Environment.WorkingSet / 1048576} MiB now, {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MiB peak");
        return completed == count ? 0 : 1;
    }

    // The assembly phase, by the real queue and runner, as an assembling worker would.
    private static Task AssembleAllAsync(IServiceProvider services)
    {
        var queue = services.GetRequiredService<WorkQueue>();
        var runner = services.GetRequiredService<AssemblyRunner>();
        return Parallel.ForAsync(0, 2, async (i, ct) =>
        {
            var worker = $"bench-assembler-{i}";
            while (await queue.ClaimAssemblyAsync(worker, [], ct) is { } jobId)
            {
                await runner.RunAsync(jobId, worker, ct);
            }
        });
    }

    public static async Task AddTemplateAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        db.Templates.Add(new VideoTemplate(
            Guid.NewGuid(), Template, "Bench", AspectRatio.Portrait9x16, Segments, 1, "sim", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }

    // The generation phase ends when every segment has its clip: watched in the database, which is the truth.
    private static async Task CountSegmentsAsync(IServiceProvider services, List<Guid> ids, Action done)
    {
        var factory = services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        while (true)
        {
            await using (var db = await factory.CreateDbContextAsync())
            {
                var succeeded = await db.Segments.CountAsync(s => s.Status == SegmentStatus.Succeeded || s.Status == SegmentStatus.Failed);
                if (succeeded >= ids.Count * Segments)
                {
                    done();
                    return;
                }
            }

            await Task.Delay(100);
        }
    }

    private static async Task<int> CountCompletedAsync(IServiceProvider services, List<Guid> ids)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        return await db.Jobs.CountAsync(j => ids.Contains(j.Id) && j.Status == JobStatus.Completed);
    }
}
