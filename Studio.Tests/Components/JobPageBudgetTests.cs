using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.App.Components.Pages;
using Studio.Core.Costs;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Components;

/// <summary>A new take or a retry the monthly budget cannot hold is refused on the job page with the figures, and nothing changes.</summary>
public sealed class JobPageBudgetTests : StudioComponentTest
{
    protected override StudioServicesBuilder Configure(StudioServicesBuilder builder) => builder
        .WithProvider(new InertVideoProvider("local"))
        .WithProvider(new ConfigurableVideoProvider("luma", "Luma Dream Machine") { Model = "ray-2", Resolution = "720p", PerSecondUsd = 0.03m })
        .WithMonthlyBudget(1.00m);

    [Fact]
    public async Task NewTake_OverTheMonthlyBudget_ShowsTheRefusalWithTheFiguresAndKeepsTheJob()
    {
        var job = await CreatePaidJobAsync();
        await Driver.CompleteAsync(job.Id, costPerSegmentUsd: 0.15m);
        await BookAsync(job.Id, 0.90m);
        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=regenerate-2]").HasAttribute("disabled").Should().BeFalse());
        page.FindAll("[data-testid=job-over-budget]").Should().BeEmpty();

        await page.Find("[data-testid=regenerate-2]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=job-over-budget]").TextContent.Should()
            .Contain("Not started: over your monthly budget").And.Contain("estimated at $0.15").And.Contain("$0.90 is spent").And.Contain("leaving $0.10"));
        var read = await ReadJobAsync(job.Id);
        read.Status.Should().Be(JobStatus.Completed);
        read.Segments.Should().OnlyContain(s => s.Status == SegmentStatus.Succeeded, "no new take was started");
        read.EstimatedCostUsd.Should().Be(0.90m);
    }

    [Fact]
    public async Task NewTake_WithinTheBudget_ShowsNoRefusal()
    {
        var job = await CreatePaidJobAsync();
        await Driver.CompleteAsync(job.Id, costPerSegmentUsd: 0.15m);
        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=regenerate-2]").HasAttribute("disabled").Should().BeFalse());

        await page.Find("[data-testid=regenerate-2]").ClickAsync(new());

        (await ReadJobAsync(job.Id)).Status.Should().Be(JobStatus.Queued);
        page.FindAll("[data-testid=job-over-budget]").Should().BeEmpty();
    }

    private async Task<JobDetails> CreatePaidJobAsync()
    {
        var result = await Jobs.CreateAsync(UserId, new CreateJobCommand("Paid teaser", "Three habits of fast remote teams", DefaultTemplates.Reels30, Provider: "luma"), CancellationToken.None);
        result.Succeeded.Should().BeTrue(string.Join("; ", result.Errors?.Messages ?? []));
        return result.Job!;
    }

    private async Task BookAsync(Guid jobId, decimal usd)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<StudioDbContext>>().CreateDbContextAsync();
        db.Costs.Add(new CostEntry(Guid.NewGuid(), UserId, jobId, 0, "luma", CostKind.Clip, usd, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
