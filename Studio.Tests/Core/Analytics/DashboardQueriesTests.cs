using Microsoft.Extensions.Time.Testing;
using Studio.Core.Analytics;
using Studio.Core.Jobs;

namespace Studio.Tests.Core.Analytics;

public class DashboardQueriesTests : IAsyncLifetime
{
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    private const string Me = "user-1";
    private const string Other = "user-2";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private AnalyticsDatabase _engine = null!;
    private DashboardQueries _queries = null!;

    public async Task InitializeAsync()
    {
        _engine = await AnalyticsDatabase.CreateAsync(Engine, _time);
        _queries = new DashboardQueries(Database, _engine.Sql, _time);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private Microsoft.EntityFrameworkCore.IDbContextFactory<Studio.Core.Persistence.StudioDbContext> Database => _engine.Factory;

    [Fact]
    public async Task PageAsync_NewestFirst_PagesAndCountsOnlyTheUsersJobs()
    {
        var mine = Enumerable.Range(0, 25).Select(i => AnalyticsSeed.Job(Me, $"Video {i:00}", Now.AddHours(-i))).ToList();
        await AnalyticsSeed.SaveAsync(Database, [.. mine, AnalyticsSeed.Job(Other, "Not mine", Now)]);

        var page = await _queries.PageAsync(Me, new JobListQuery(Page: 2, PageSize: 10), CancellationToken.None);

        page.Total.Should().Be(25);
        page.Rows.Select(r => r.Job.Title).Should().Equal(Enumerable.Range(10, 10).Select(i => $"Video {i:00}"));
    }

    [Fact]
    public async Task PageAsync_SortedByCost_OrdersByAmountNotByText()
    {
        await AnalyticsSeed.SaveAsync(Database,
        [
            AnalyticsSeed.Job(Me, "Ten", Now.AddMinutes(-1), estimateUsd: 10.25m),
            AnalyticsSeed.Job(Me, "Nine", Now.AddMinutes(-2), estimateUsd: 9.5m),
            AnalyticsSeed.Job(Me, "Hundred", Now.AddMinutes(-3), estimateUsd: 100m),
        ]);

        var ascending = await _queries.PageAsync(Me, new JobListQuery(Sort: JobSort.Cost, Descending: false), CancellationToken.None);
        var descending = await _queries.PageAsync(Me, new JobListQuery(Sort: JobSort.Cost), CancellationToken.None);

        ascending.Rows.Select(r => r.Job.Title).Should().Equal("Nine", "Ten", "Hundred");
        descending.Rows.Select(r => r.Job.Title).Should().Equal("Hundred", "Ten", "Nine");
        ascending.Rows[0].CostUsd.Should().Be(9.5m);
    }

    [Fact]
    public async Task PageAsync_SortedByTitleAndStatus_UsesTheDatabaseOrder()
    {
        await AnalyticsSeed.SaveAsync(Database,
        [
            AnalyticsSeed.Job(Me, "Bravo", Now.AddMinutes(-1), JobStatus.Failed),
            AnalyticsSeed.Job(Me, "Alpha", Now.AddMinutes(-2), JobStatus.Completed),
            AnalyticsSeed.Job(Me, "Charlie", Now.AddMinutes(-3)),
        ]);

        var byTitle = await _queries.PageAsync(Me, new JobListQuery(Sort: JobSort.Title, Descending: false), CancellationToken.None);
        var byStatus = await _queries.PageAsync(Me, new JobListQuery(Sort: JobSort.Status, Descending: false), CancellationToken.None);

        byTitle.Rows.Select(r => r.Job.Title).Should().Equal("Alpha", "Bravo", "Charlie");
        byStatus.Rows.Select(r => r.Job.Status).Should().Equal(JobStatus.Draft, JobStatus.Completed, JobStatus.Failed);
        byStatus.Rows.Single(r => r.Job.Status == JobStatus.Completed).HasPoster.Should().BeTrue();
        byStatus.Rows.Where(r => r.Job.Status != JobStatus.Completed).Should().OnlyContain(r => !r.HasPoster);
    }

    [Fact]
    public async Task PageAsync_StatusAndSearch_NarrowTheRowsAndTheTotal()
    {
        await AnalyticsSeed.SaveAsync(Database,
        [
            AnalyticsSeed.Job(Me, "Spring LAUNCH teaser", Now.AddMinutes(-1), JobStatus.Completed),
            AnalyticsSeed.Job(Me, "Launch recap", Now.AddMinutes(-2), JobStatus.Failed),
            AnalyticsSeed.Job(Me, "100% organic", Now.AddMinutes(-3), JobStatus.Completed),
            AnalyticsSeed.Job(Me, "1000 organic", Now.AddMinutes(-4), JobStatus.Completed),
            AnalyticsSeed.Job(Other, "Launch elsewhere", Now.AddMinutes(-5), JobStatus.Completed),
        ]);

        var launches = await _queries.PageAsync(Me, new JobListQuery(Search: "launch"), CancellationToken.None);
        var completedLaunches = await _queries.PageAsync(Me, new JobListQuery(Search: " launch ", Status: JobStatus.Completed), CancellationToken.None);
        var percent = await _queries.PageAsync(Me, new JobListQuery(Search: "0%"), CancellationToken.None);

        launches.Total.Should().Be(2);
        completedLaunches.Rows.Select(r => r.Job.Title).Should().Equal("Spring LAUNCH teaser");
        completedLaunches.Total.Should().Be(1);
        percent.Rows.Select(r => r.Job.Title).Should().ContainSingle().Which.Should().Be("100% organic", "a % typed in the search is a percent sign, not a wildcard");
    }

    [Fact]
    public async Task StatsAsync_SeveralHundredJobs_CardsAndChartsAreExact()
    {
        var jobs = new List<Studio.Core.Jobs.ProductionJob>();
        var costs = new List<Studio.Core.Costs.CostEntry>();
        var statuses = new[] { JobStatus.Completed, JobStatus.Completed, JobStatus.Failed, JobStatus.Cancelled, JobStatus.Draft };
        for (var i = 0; i < 300; i++)
        {
            // 300 jobs over 60 days (half last month), for me and for someone else.
            var owner = i % 3 == 0 ? Other : Me;
            var created = Now.AddHours(-i * 4.8);
            var job = AnalyticsSeed.Job(owner, $"Video {i}", created, statuses[i % statuses.Length], TimeSpan.FromSeconds(60 + i));
            jobs.Add(job);
            costs.Add(AnalyticsSeed.Cost(job, i % 2 == 0 ? "sim" : "luma", 0.07m + (i % 5 * 0.01m), created.AddMinutes(1)));
            if (i % 7 == 0)
            {
                costs.Add(AnalyticsSeed.Cost(job, "sim", -0.03m, created.AddMinutes(2)));
            }
        }

        await AnalyticsSeed.SaveAsync(Database, jobs, costs);
        var monthStart = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var myJobs = jobs.Where(j => j.OwnerId == Me).ToList();
        var finishedThisMonth = myJobs.Where(j => j.FinishedAt >= monthStart && j.Status is JobStatus.Completed or JobStatus.Failed).ToList();
        var completedThisMonth = finishedThisMonth.Where(j => j.Status == JobStatus.Completed).ToList();
        var myCostsThisMonth = costs.Where(c => c.OwnerId == Me && c.At >= monthStart).ToList();

        var stats = await _queries.StatsAsync(Me, CancellationToken.None);

        stats.TotalJobs.Should().Be(200);
        stats.JobsThisMonth.Should().Be(myJobs.Count(j => j.CreatedAt >= monthStart));
        stats.SuccessRate.Should().BeApproximately((double)completedThisMonth.Count / finishedThisMonth.Count, 1e-9);
        stats.SpendThisMonthUsd.Should().Be(myCostsThisMonth.Sum(c => c.AmountUsd));
        stats.AverageTimeToFinish!.Value.TotalSeconds.Should().BeApproximately(
            completedThisMonth.Average(j => (j.FinishedAt!.Value - j.StartedAt!.Value).TotalSeconds), 0.01);
        stats.SpendPerProvider.Should().BeEquivalentTo(myCostsThisMonth.GroupBy(c => c.Provider)
            .Select(g => new SpendTotal(g.Key, g.Sum(c => c.AmountUsd), g.Select(c => c.JobId).Distinct().Count())));
        stats.JobsPerDay.Should().HaveCount(30);
        stats.JobsPerDay[^1].Day.Should().Be(new DateOnly(2026, 11, 25));
        stats.JobsPerDay.Should().Equal(Enumerable.Range(0, 30).Select(d => new DateOnly(2026, 10, 27).AddDays(d))
            .Select(day => new DayCount(day, myJobs.Count(j => DateOnly.FromDateTime(j.CreatedAt.UtcDateTime) == day))));
    }

    [Fact]
    public async Task StatsAsync_NoJobs_ZeroesAndThirtyEmptyDays()
    {
        await AnalyticsSeed.SaveAsync(Database, [AnalyticsSeed.Job(Other, "Not mine", Now, JobStatus.Completed)]);

        var stats = await _queries.StatsAsync(Me, CancellationToken.None);

        stats.TotalJobs.Should().Be(0);
        stats.SuccessRate.Should().BeNull();
        stats.AverageTimeToFinish.Should().BeNull();
        stats.SpendThisMonthUsd.Should().Be(0m);
        stats.JobsPerDay.Should().HaveCount(30).And.OnlyContain(d => d.Jobs == 0);
    }
}
