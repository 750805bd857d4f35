using Bunit;
using Studio.App.Components.Pages;
using Studio.Core.Scripts;

namespace Studio.Tests.Components;

/// <summary>The job page with a priced provider and a hosted script writer: the provider's notes and the cost by part.</summary>
public sealed class JobPageCostTests : StudioComponentTest
{
    // 6 clips at $0.15 and a storyboard written by a hosted model at $0.01: $0.91 estimated.
    protected override StudioServicesBuilder Configure(StudioServicesBuilder builder) => builder
        .WithProvider(new InertVideoProvider("local", pricePerClipUsd: 0.15m))
        .WithScriptWriter(new HostedScriptWriter());

    [Fact]
    public async Task Render_SegmentWaitingAtTheProvider_ShowsTheProvidersNote()
    {
        var job = await CreateJobAsync();
        await Driver.ClaimAsync(job.Id);
        await Driver.RenderSegmentAsync(job.Id, 0, 0.1, detail: "Queued at fal.ai (3 ahead)");

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find("[data-segment='0'] [data-testid=segment-detail]").TextContent.Should().Contain("Queued at fal.ai (3 ahead)"));
        page.FindAll("[data-segment='1'] [data-testid=segment-detail]").Should().BeEmpty();
    }

    [Fact]
    public async Task JobChanged_SegmentDone_TheProvidersNoteGoes()
    {
        var job = await CreateJobAsync();
        await Driver.ClaimAsync(job.Id);
        await Driver.RenderSegmentAsync(job.Id, 0, 0.1, detail: "Queued at provider");
        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        page.WaitForAssertion(() => page.FindAll("[data-segment='0'] [data-testid=segment-detail]").Should().ContainSingle());

        await Driver.SucceedSegmentAsync(job.Id, 0);

        page.WaitForAssertion(() => page.FindAll("[data-segment='0'] [data-testid=segment-detail]").Should().BeEmpty());
    }

    [Fact]
    public async Task Render_RunningJob_ShowsEstimatedAndSpentByPart()
    {
        var job = await CreateJobAsync();
        await Driver.ClaimAsync(job.Id);
        await Driver.RenderSegmentAsync(job.Id, 0, 0.5, costUsd: 0.15m);

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=cost-estimated]").TextContent
            .Should().Contain("Estimated").And.Contain("$0.91").And.Contain("segments $0.90 · script $0.01 · voice $0.00"));
        page.Find("[data-testid=cost-spent]").TextContent
            .Should().Contain("Spent so far").And.Contain("$0.16").And.Contain("segments $0.15 · script $0.01 · voice $0.00");
    }

    [Fact]
    public async Task JobChanged_AnotherSubmission_SpentGrowsLive()
    {
        var job = await CreateJobAsync();
        await Driver.ClaimAsync(job.Id);
        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));
        page.WaitForAssertion(() => page.Find("[data-testid=cost-spent]").TextContent.Should().Contain("$0.01"));

        await Driver.RenderSegmentAsync(job.Id, 0, 0.2, costUsd: 0.15m);
        await Driver.RenderSegmentAsync(job.Id, 1, 0.2, costUsd: 0.15m);

        page.WaitForAssertion(() => page.Find("[data-testid=cost-spent]").TextContent
            .Should().Contain("$0.31").And.Contain("segments $0.30 · script $0.01"));
    }

    [Fact]
    public async Task Render_FinishedJob_SaysSpentNotSoFar()
    {
        var job = await CreateJobAsync();
        await Driver.CompleteAsync(job.Id, costPerSegmentUsd: 0.15m);

        var page = Render<JobPage>(p => p.Add(c => c.Id, job.Id));

        page.WaitForAssertion(() => page.Find("[data-testid=cost-spent]").TextContent
            .Should().Contain("Spent").And.NotContain("so far").And.Contain("$0.91"));
    }

    /// <summary>The offline writer's storyboard, priced as if a hosted model wrote it.</summary>
    private sealed class HostedScriptWriter : IScriptWriter
    {
        private readonly OfflineScriptWriter _offline = new();

        public string Name => "chat";

        public bool IsHosted => true;

        public Task<Storyboard> WriteAsync(ScriptRequest request, CancellationToken ct) => _offline.WriteAsync(request, ct);
    }
}
