using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Studio.Tests.Api;

/// <summary>
/// <c>POST /api/jobs/estimate</c> against the product's reference table (Reels 30s Standard, 6 × 5 s, a hosted script
/// writer and a hosted voice), to the cent, and the same estimate on the job created from the same body.
/// </summary>
public sealed class EstimateApiTests(HostedAppFactory factory) : IClassFixture<HostedAppFactory>
{
    private const string Reels = "Reels 30s Standard";
    private readonly HttpClient _client = factory.CreateApiClient();

    [Theory]
    [InlineData("luma", "TextToVideo", "ray-2", 5, "0.15", "0.90", "0.93")]
    [InlineData("runway", "ImageToVideo", "gen4_turbo", 5, "0.25", "1.50", "1.53")]
    [InlineData("pika", "TextToVideo", "fal-ai/pika/v2.2", 5, "0.15", "0.90", "0.93")]
    [InlineData("stability", "ImageToVideo", "stable-video-diffusion", 4, "0.075", "0.45", "0.48")]
    public async Task Estimate_ReferenceTable_MatchesToTheCent(string provider, string mode, string model, double clipSeconds, string clip, string segments, string total)
    {
        var before = await CountJobsAsync();

        var estimate = await EstimateAsync(new { theme = "3 Django tips for beginners", template = Reels, provider, mode, voice = new { engine = "openai" } });

        estimate["provider"]!.GetValue<string>().Should().Be(provider);
        var cost = estimate["estimatedCost"]!;
        cost["segments"]!.GetValue<decimal>().Should().Be(decimal.Parse(segments, System.Globalization.CultureInfo.InvariantCulture));
        cost["script"]!.GetValue<decimal>().Should().Be(0.01m, "the chat writer would write the storyboard");
        cost["voice"]!.GetValue<decimal>().Should().Be(0.02m, "OpenAI speech would say the narration");
        cost["total"]!.GetValue<decimal>().Should().Be(decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture));
        estimate["estimatedCostUsd"]!.GetValue<decimal>().Should().Be(cost["total"]!.GetValue<decimal>());
        var perSegment = estimate["segments"]!.AsArray();
        perSegment.Should().HaveCount(6);
        perSegment.Should().AllSatisfy(s =>
        {
            s!["seconds"]!.GetValue<int>().Should().Be(5);
            s["model"]!.GetValue<string>().Should().Be(model);
            s["clipSeconds"]!.GetValue<double>().Should().Be(clipSeconds);
            s["priceUsd"]!.GetValue<decimal>().Should().Be(decimal.Parse(clip, System.Globalization.CultureInfo.InvariantCulture));
        });
        perSegment.Select(s => s!["index"]!.GetValue<int>()).Should().Equal(0, 1, 2, 3, 4, 5);
        (await CountJobsAsync()).Should().Be(before, "an estimate creates nothing");
    }

    [Fact]
    public async Task Estimate_RunwayTextToVideo_PricesTheTextModelGen45()
    {
        var estimate = await EstimateAsync(new { theme = "Runway from text", template = Reels, provider = "runway" });

        estimate["segments"]![0]!["model"]!.GetValue<string>().Should().Be("gen4.5", "gen4_turbo makes image-to-video only");
        estimate["segments"]![0]!["priceUsd"]!.GetValue<decimal>().Should().Be(0.60m);
        estimate["estimatedCost"]!["segments"]!.GetValue<decimal>().Should().Be(3.60m);
    }

    [Fact]
    public async Task Estimate_SoraFiveSecondSegments_PricesTheEightSecondClipsReallyAskedFor()
    {
        var estimate = await EstimateAsync(new { theme = "Sora", template = Reels, provider = "sora" });

        estimate["segments"]!.AsArray().Should().AllSatisfy(s =>
        {
            s!["seconds"]!.GetValue<int>().Should().Be(5);
            s["clipSeconds"]!.GetValue<double>().Should().Be(8);
            s["priceUsd"]!.GetValue<decimal>().Should().Be(0.80m);
        });
        estimate["estimatedCost"]!["segments"]!.GetValue<decimal>().Should().Be(4.80m);
    }

    [Fact]
    public async Task Estimate_VeoFiveSecondSegments_PricesSixSecondClips()
    {
        var estimate = await EstimateAsync(new { theme = "Veo", template = Reels, provider = "veo" });

        estimate["segments"]!.AsArray().Should().AllSatisfy(s =>
        {
            s!["clipSeconds"]!.GetValue<double>().Should().Be(6);
            s["priceUsd"]!.GetValue<decimal>().Should().Be(2.40m);
        });
        estimate["estimatedCost"]!["segments"]!.GetValue<decimal>().Should().Be(14.40m);
    }

    [Fact]
    public async Task Estimate_NothingForTheWriterAndNoHostedVoice_ScriptAndVoiceAreZero()
    {
        var estimate = await EstimateAsync(new { theme = "All written", template = Reels, provider = "luma", segments = Written() });

        var cost = estimate["estimatedCost"]!;
        cost["script"]!.GetValue<decimal>().Should().Be(0m);
        cost["voice"]!.GetValue<decimal>().Should().Be(0m);
        cost["segments"]!.GetValue<decimal>().Should().Be(0.90m);
        cost["total"]!.GetValue<decimal>().Should().Be(0.90m);
    }

    [Fact]
    public async Task Estimate_InvalidBody_Is400LikeCreate()
    {
        var response = await _client.PostAsJsonAsync("/api/jobs/estimate", new { theme = "x", template = Reels, provider = "stability" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        errors["mode"]![0]!.GetValue<string>().Should().Contain("ImageToVideo", "Stability makes image-to-video only");
    }

    [Fact]
    public async Task CreateJob_SameBodyAsTheEstimate_ShowsTheSameEstimateAndBreakdown()
    {
        var unwritten = await EstimateAsync(new { theme = "3 Django tips for beginners", template = Reels, provider = "luma", voice = new { engine = "openai" } });
        var body = new { title = "Django", theme = "3 Django tips for beginners", template = Reels, provider = "luma", voice = new { engine = "openai" }, segments = Written() };
        var estimate = await EstimateAsync(body);

        var created = await _client.PostAsJsonAsync("/api/jobs", body);

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var job = (await _client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!;
        job["provider"]!.GetValue<string>().Should().Be("luma");
        job["estimatedCostUsd"]!.GetValue<decimal>().Should().Be(estimate["estimatedCostUsd"]!.GetValue<decimal>()).And.Be(0.92m);
        foreach (var part in new[] { "segments", "script", "voice", "total" })
        {
            job["estimatedCost"]![part]!.GetValue<decimal>().Should().Be(estimate["estimatedCost"]![part]!.GetValue<decimal>(), part);
        }

        job["estimatedCost"]!["segments"]!.GetValue<decimal>().Should().Be(unwritten["estimatedCost"]!["segments"]!.GetValue<decimal>());
        job["estimatedCost"]!["voice"]!.GetValue<decimal>().Should().Be(0.02m);
        job["estimatedCost"]!["script"]!.GetValue<decimal>().Should().Be(0m, "every prompt and line was given: the model wrote nothing, so nothing is billed for it");
        unwritten["estimatedCost"]!["script"]!.GetValue<decimal>().Should().Be(0.01m);
        job["segments"]!.AsArray().Select(s => s!["estimatedCostUsd"]!.GetValue<decimal>()).Should().AllBeEquivalentTo(0.15m);
        job["actualCost"]!["total"]!.GetValue<decimal>().Should().Be(0m, "a draft has spent nothing");
        job["actualCostUsd"]!.GetValue<decimal>().Should().Be(0m);
    }

    private static object[] Written() =>
        [.. Enumerable.Range(1, 6).Select(i => new { prompt = $"Scene {i}: a developer at a desk", narration = $"Tip {i}." })];

    private async Task<JsonObject> EstimateAsync(object body)
    {
        var response = await _client.PostAsJsonAsync("/api/jobs/estimate", body);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<int> CountJobsAsync() => (await _client.GetFromJsonAsync<JsonArray>("/api/jobs"))!.Count;
}
