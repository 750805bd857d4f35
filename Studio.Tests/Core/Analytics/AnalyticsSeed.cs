using Studio.Core.Costs;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Core.Common;

namespace Studio.Tests.Core.Analytics;

/// <summary>Writes jobs in any state and ledger lines straight into a test database, for the dashboard and analytics queries.</summary>
internal static class AnalyticsSeed
{
    private static readonly VideoTemplate Reels = DefaultTemplates.Create(DateTimeOffset.UnixEpoch).Single(t => t.Name == DefaultTemplates.Reels30);
    private static readonly VideoTemplate Story = DefaultTemplates.Create(DateTimeOffset.UnixEpoch).First(t => t.Name != DefaultTemplates.Reels30);

    /// <summary>
    /// A job's creation and its spending a little before <paramref name="now"/> and both in <paramref name="now"/>'s
    /// month (UTC), so "this month" figures hold them even in the first hour of a month: an hour ago, five minutes
    /// apart, when that is still this month; else a third and two thirds of the way from the month's start.
    /// </summary>
    public static (DateTimeOffset Created, DateTimeOffset At) RecentlyThisMonth(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var monthStart = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var at = utc.AddHours(-1);
        if (at.AddMinutes(-5) >= monthStart)
        {
            return (at.AddMinutes(-5), at);
        }

        var span = utc - monthStart;
        return (monthStart + (span / 3), monthStart + (span * 2 / 3));
    }

    /// <summary>The second template's name.</summary>
    public static string StoryName => Story.Name;

    /// <summary>A job without segments, created at <paramref name="created"/>, moved to <paramref name="status"/> (finished <paramref name="took"/> after it started, which is one minute after creation).</summary>
    public static ProductionJob Job(
        string owner, string title, DateTimeOffset created, JobStatus status = JobStatus.Draft, TimeSpan? took = null,
        decimal estimateUsd = 0m, string provider = "sim", bool story = false)
    {
        var job = new ProductionJob(Guid.CreateVersion7(created), owner, title, "Testing", story ? Story : Reels, provider, GenerationMode.TextToVideo, estimateUsd, created);
        if (status == JobStatus.Draft)
        {
            return job;
        }

        job.Queue();
        if (status == JobStatus.Queued)
        {
            return job;
        }

        var started = created.AddMinutes(1);
        job.MarkRunning(started);
        var finished = started + (took ?? TimeSpan.FromMinutes(2));
        switch (status)
        {
            case JobStatus.Completed:
                job.BeginAssembly();
                job.Complete($"jobs/{job.Id}/out/final.mp4", $"jobs/{job.Id}/out/poster.jpg", finished);
                break;
            case JobStatus.Failed:
                job.Fail(StoredText.Verbatim("The provider refused the prompt."), finished);
                break;
            case JobStatus.Cancelled:
                job.Cancel(finished);
                break;
            case JobStatus.Assembling:
                job.BeginAssembly();
                break;
        }

        return job;
    }

    public static CostEntry Cost(ProductionJob job, string provider, decimal usd, DateTimeOffset at) =>
        new(Guid.NewGuid(), job.OwnerId, job.Id, 0, provider, usd < 0 ? CostKind.Refund : CostKind.Clip, usd, at);

    public static async Task SaveAsync(Microsoft.EntityFrameworkCore.IDbContextFactory<StudioDbContext> database, IEnumerable<ProductionJob> jobs, IEnumerable<CostEntry>? costs = null)
    {
        await using var db = await database.CreateDbContextAsync();
        db.Jobs.AddRange(jobs);
        db.Costs.AddRange(costs ?? []);
        await db.SaveChangesAsync();
    }
}
