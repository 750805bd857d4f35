using Microsoft.Extensions.Time.Testing;
using Studio.Core.Analytics;
using Studio.Core.Costs;
using Studio.Core.Jobs;

namespace Studio.Tests.Core.Analytics;

public class AnalyticsQueriesTests : IAsyncLifetime
{
    protected virtual TestEngine Engine => TestEngine.Sqlite;

    private const string Me = "user-1";
    private const string Other = "user-2";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private readonly List<ProductionJob> _jobs = [];
    private readonly List<CostEntry> _costs = [];
    private AnalyticsDatabase _engine = null!;
    private AnalyticsQueries _queries = null!;

    public async Task InitializeAsync()
    {
        _engine = await AnalyticsDatabase.CreateAsync(Engine, _time);
        _queries = new AnalyticsQueries(Database, _engine.Sql, _time);
        var statuses = new[] { JobStatus.Completed, JobStatus.Failed, JobStatus.Completed, JobStatus.Cancelled };
        for (var i = 0; i < 400; i++)
        {
            // 400 jobs over 200 days, two templates, two providers, two owners; some refunds.
            var owner = i % 4 == 0 ? Other : Me;
            var created = Now.AddHours(-i * 12).AddMinutes(-10);
            var job = AnalyticsSeed.Job(owner, $"Video {i}", created, statuses[i % statuses.Length], TimeSpan.FromSeconds(30 + (i % 11)), story: i % 3 == 0);
            _jobs.Add(job);
            _costs.Add(AnalyticsSeed.Cost(job, i % 2 == 0 ? "sim" : "luma", 0.05m + (i % 9 * 0.11m), created.AddMinutes(1)));
            if (i % 5 == 0)
            {
                _costs.Add(AnalyticsSeed.Cost(job, "sim", -0.05m, created.AddMinutes(2)));
            }
        }

        await AnalyticsSeed.SaveAsync(Database, _jobs, _costs);
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private Microsoft.EntityFrameworkCore.IDbContextFactory<Studio.Core.Persistence.StudioDbContext> Database => _engine.Factory;

    [Fact]
    public void Starts_Weeks_AreMondaysEndingThisWeek()
    {
        AnalyticsQueries.Starts(new DateOnly(2026, 11, 25), AnalyticsPeriod.Week, 3)
            .Should().Equal(new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23));
        AnalyticsQueries.Starts(new DateOnly(2026, 11, 23), AnalyticsPeriod.Week, 1).Should().Equal(new DateOnly(2026, 11, 23));
        AnalyticsQueries.Starts(new DateOnly(2026, 1, 31), AnalyticsPeriod.Month, 2).Should().Equal(new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1));
        AnalyticsQueries.Label(new DateOnly(2026, 11, 23), AnalyticsPeriod.Week).Should().Be("2026-W48");
        AnalyticsQueries.Label(new DateOnly(2026, 11, 1), AnalyticsPeriod.Month).Should().Be("2026-11");
    }

    [Theory]
    [InlineData(AnalyticsPeriod.Week)]
    [InlineData(AnalyticsPeriod.Month)]
    public async Task ReportAsync_OneUser_EveryPeriodMatchesTheSeededJobsAndLedgerToTheCent(AnalyticsPeriod period)
    {
        var report = await _queries.ReportAsync(Me, period, AnalyticsQueries.DefaultPeriods, CancellationToken.None);

        report.Periods.Should().HaveCount(12);
        report.Periods.Select(p => p.Start).Should().Equal(AnalyticsQueries.Starts(new DateOnly(2026, 11, 25), period, 12));
        foreach (var stats in report.Periods)
        {
            var (from, to) = Span(stats.Start, period);
            var finished = _jobs.Where(j => j.OwnerId == Me && j.FinishedAt >= from && j.FinishedAt < to).ToList();
            var made = finished.Where(j => j.Status == JobStatus.Completed).ToList();
            var failed = finished.Count(j => j.Status == JobStatus.Failed);
            var ledger = _costs.Where(c => c.OwnerId == Me && c.At >= from && c.At < to).ToList();

            stats.VideosMade.Should().Be(made.Count, $"videos made in {stats.Start}");
            stats.Failed.Should().Be(failed);
            stats.SuccessRate.Should().Be(made.Count + failed == 0 ? null : (double)made.Count / (made.Count + failed));
            stats.AverageTimeToFinish.Should().Be(made.Count == 0 ? null
                : TimeSpan.FromSeconds(Math.Round(made.Average(j => (j.FinishedAt!.Value - j.StartedAt!.Value).TotalSeconds))));
            stats.SpendUsd.Should().Be(ledger.Sum(c => c.AmountUsd), $"spend in {stats.Start}");
            stats.ByProvider.Should().BeEquivalentTo(ledger.GroupBy(c => c.Provider)
                .Select(g => new SpendTotal(g.Key, g.Sum(c => c.AmountUsd), g.Select(c => c.JobId).Distinct().Count())));
            stats.ByTemplate.Should().BeEquivalentTo(ledger.GroupBy(c => _jobs.Single(j => j.Id == c.JobId).TemplateName)
                .Select(g => new SpendTotal(g.Key, g.Sum(c => c.AmountUsd), g.Select(c => c.JobId).Distinct().Count())));
        }

        report.VideosMade.Should().BeGreaterThan(0);
        report.Periods.Should().Contain(p => p.ByTemplate.Any(t => t.Name == AnalyticsSeed.StoryName));
    }

    [Fact]
    public async Task ReportAsync_Everyone_CountsOtherUsersToo()
    {
        var mine = await _queries.ReportAsync(Me, AnalyticsPeriod.Month, 3, CancellationToken.None);
        var all = await _queries.ReportAsync(null, AnalyticsPeriod.Month, 3, CancellationToken.None);
        var from = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

        all.SpendUsd.Should().Be(_costs.Where(c => c.At >= from).Sum(c => c.AmountUsd));
        mine.SpendUsd.Should().Be(_costs.Where(c => c.At >= from && c.OwnerId == Me).Sum(c => c.AmountUsd));
        all.VideosMade.Should().BeGreaterThan(mine.VideosMade);
    }

    [Fact]
    public async Task ReportAsync_DeletedJob_KeepsItsSpendUnderItsOwnName()
    {
        await using (var db = Database.CreateDbContext())
        {
            var job = AnalyticsSeed.Job(Me, "Gone", Now.AddMinutes(-5), JobStatus.Completed);
            db.Costs.Add(AnalyticsSeed.Cost(job, "sim", 1.23m, Now.AddMinutes(-4)));
            await db.SaveChangesAsync();
        }

        var report = await _queries.ReportAsync(Me, AnalyticsPeriod.Week, 1, CancellationToken.None);

        report.Periods[0].ByTemplate.Should().ContainSingle(t => t.Name == AnalyticsQueries.DeletedJob).Which.AmountUsd.Should().Be(1.23m);
    }

    private static (DateTimeOffset From, DateTimeOffset To) Span(DateOnly start, AnalyticsPeriod period)
    {
        var from = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return (from, period == AnalyticsPeriod.Week ? from.AddDays(7) : from.AddMonths(1));
    }
}
