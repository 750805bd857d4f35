using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Common;
using Studio.Core.Events;
using Studio.Core.Persistence;
using Studio.Tests.Builders;

namespace Studio.Tests.Api;

/// <summary>
/// A failed job's stored reason reaches an API caller in the language of its Accept-Language: the job's reason and the
/// segment's nested in it are worded from their stored sentences; a row older than them reads as stored.
/// </summary>
public sealed class StoredReasonsLanguageApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private static readonly StoredText SegmentReason =
        StoredText.Of("Gave up after {0} attempts at {1}. Last error: {2}", 3, "Luma", StoredText.Verbatim("HTTP 503 upstream overloaded"));

    [Theory]
    [InlineData("fr-FR", "Le segment 1 n’a pas pu être fait : Abandon après 3 tentatives chez Luma. Dernière erreur : HTTP 503 upstream overloaded")]
    [InlineData("en-US", "Segment 1 could not be made: Gave up after 3 attempts at Luma. Last error: HTTP 503 upstream overloaded")]
    public async Task GetJob_FailedByAWorker_ReadsInTheCallersLanguage_NestedReasonsToo(string acceptLanguage, string expected)
    {
        var id = await FailedJobAsync(StoredText.Of("Segment {0} could not be made: {1}", 1, SegmentReason), SegmentReason);

        var job = await GetAsync(id, acceptLanguage);

        job["error"]!.GetValue<string>().Should().Be(expected);
        job["segments"]![0]!["error"]!.GetValue<string>().Should().Be(expected[(expected.IndexOf(':', StringComparison.Ordinal) + 2)..]);
    }

    [Fact]
    public async Task GetJob_AnOldRowWithoutItsSentence_ReadsAsStored_EvenInFrench()
    {
        var id = await FailedJobAsync(null, null);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // A row failed before reasons were stored as sentences: the English column only.
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE Jobs SET Error = 'Segment 1 could not be made: refused', ErrorText = NULL WHERE Id = {id}");
        }

        var job = await GetAsync(id, "fr-FR");

        job["error"]!.GetValue<string>().Should().Be("Segment 1 could not be made: refused");
    }

    private async Task<Guid> FailedJobAsync(StoredText? jobReason, StoredText? segmentReason)
    {
        await factory.EnsureTinyTemplateAsync();
        using var client = factory.CreateApiClient();
        var created = await client.PostAsJsonAsync("/api/jobs", new { title = "t", theme = "Raisons", template = StudioAppFactory.TinyTemplate });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        // What the workers write. The job stays a draft until it fails in one save, so the app's own worker never takes it.
        var driver = new JobDriver(
            factory.Services.GetRequiredService<IDbContextFactory<StudioDbContext>>(), factory.Services.GetRequiredService<IJobEvents>(), TimeProvider.System);
        if (segmentReason is not null)
        {
            await driver.FailSegmentAsync(id, 0, segmentReason);
        }

        await driver.FailAsync(id, jobReason ?? StoredText.Verbatim("placeholder"));
        return id;
    }

    private async Task<JsonObject> GetAsync(Guid id, string acceptLanguage)
    {
        using var client = factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{id}");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
