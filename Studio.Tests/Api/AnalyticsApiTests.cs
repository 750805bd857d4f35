using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Studio.Core.Jobs;
using Studio.Core.Persistence;
using Studio.Tests.Core.Analytics;

namespace Studio.Tests.Api;

/// <summary>
/// <c>GET /api/analytics/export.csv</c> over jobs and ledger lines written straight into the database: a header row,
/// invariant numbers, one row per period × provider and per period × template, the caller's own jobs only (admins may
/// ask for everyone's), and a file name to save it under.
/// </summary>
public sealed class AnalyticsApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task ExportCsv_AsUser_ListsOnlyTheirSpendPerProviderAndTemplate()
    {
        var (alice, aliceClient) = await factory.CreateUserAsync("alice");
        var (bob, _) = await factory.CreateUserAsync("bob");
        await SeedAsync(alice, bob);

        using var response = await aliceClient.GetAsync(new Uri("/api/analytics/export.csv?period=month", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.Should().Be("attachment");
        disposition.FileName!.Trim('"').Should().MatchRegex(@"^studio-analytics-monthly-\d{4}-\d{2}-\d{2}\.csv$");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("period,period_start,dimension,name,jobs,spend_usd");
        var month = DateTimeOffset.UtcNow.AddHours(-1);
        var prefix = $"{month:yyyy-MM},{month:yyyy-MM}-01,";
        lines.Skip(1).Should().BeEquivalentTo(
            prefix + "provider,sim,2,1.30",
            prefix + "provider,luma,1,0.0025",
            prefix + "template,Reels 30s Standard,1,1.2525",
            prefix + $"template,\"{AnalyticsSeed.StoryName}, \"\"special\"\"\",1,0.05");
        string.Join('\n', lines).Should().NotContain("pika").And.NotContain("9.99");
    }

    [Fact]
    public async Task ExportCsv_EveryoneAsAdmin_IncludesOtherUsersAndIsRefusedToUsers()
    {
        var (alice, aliceClient) = await factory.CreateUserAsync("alice");
        var (bob, _) = await factory.CreateUserAsync("bob");
        await SeedAsync(alice, bob);

        using var refused = await aliceClient.GetAsync(new Uri("/api/analytics/export.csv?period=week&all=true", UriKind.Relative));
        var all = await factory.CreateApiClient().GetStringAsync(new Uri("/api/analytics/export.csv?period=week&all=true", UriKind.Relative));

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        all.Should().Contain(",provider,pika,").And.Contain("9.99").And.Contain(",provider,luma,");
    }

    [Fact]
    public async Task ExportCsv_UnknownPeriod_IsABadRequestSayingWhich()
    {
        var (_, client) = await factory.CreateUserAsync("carol");

        using var response = await client.GetAsync(new Uri("/api/analytics/export.csv?period=decade", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("week or month");
    }

    private async Task SeedAsync(string alice, string bob)
    {
        var at = DateTimeOffset.UtcNow.AddHours(-1);
        var reels = AnalyticsSeed.Job(alice, "Reels", at.AddMinutes(-5), JobStatus.Completed);
        var story = AnalyticsSeed.Job(alice, "Story", at.AddMinutes(-5), JobStatus.Completed, story: true);
        var bobs = AnalyticsSeed.Job(bob, "Bob's", at.AddMinutes(-5), JobStatus.Completed);
        var factoryDb = factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>();
        // A template name with a comma and quotes: the CSV must quote it.
        typeof(ProductionJob).GetProperty(nameof(ProductionJob.TemplateName))!.SetValue(story, AnalyticsSeed.StoryName + ", \"special\"");
        await AnalyticsSeed.SaveAsync(factoryDb, [reels, story, bobs],
        [
            AnalyticsSeed.Cost(reels, "sim", 1.50m, at),
            AnalyticsSeed.Cost(reels, "sim", -0.25m, at),
            AnalyticsSeed.Cost(reels, "luma", 0.0025m, at),
            AnalyticsSeed.Cost(story, "sim", 0.05m, at),
            AnalyticsSeed.Cost(bobs, "pika", 9.99m, at),
        ]);
    }
}
