using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Assembly;
using Studio.Core.Assets;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Media;
using Studio.Core.Persistence;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Tests.Core.Assembly;

namespace Studio.Tests.Api;

/// <summary>Language, voice, captions, music and transitions through <c>POST /api/jobs</c>, and the finished job's downloads.</summary>
public sealed class FinishedCutApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    private const string Reels = "Reels 30s Standard";
    private const string Short = "API Finish 3x2";
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private readonly HttpClient _client = factory.CreateApiClient();

    [Fact]
    public async Task CreateJob_FinishSettings_AreKeptAndEchoed()
    {
        string[] narrations = ["Un.", "Deux.", "Trois.", "Quatre.", "Cinq.", "Six !"];

        var response = await _client.PostAsJsonAsync("/api/jobs", new
        {
            theme = "Café",
            template = Reels,
            language = "FR",
            voice = new { engine = "espeak", voice = "fr-be" },
            captions = true,
            transition = "Crossfade",
            segments = narrations.Select(n => new { narration = n }),
        });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var job = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        job["language"]!.GetValue<string>().Should().Be("fr");
        job["voice"]!["engine"]!.GetValue<string>().Should().Be("espeak");
        job["voice"]!["voice"]!.GetValue<string>().Should().Be("fr-be");
        job["captions"]!.GetValue<bool>().Should().BeTrue();
        job["transition"]!.GetValue<string>().Should().Be("crossfade");
        job["segments"]!.AsArray().Select(s => s!["narration"]!.GetValue<string>()).Should().Equal(narrations);
        job["segments"]![0]!["prompt"]!.GetValue<string>().Should().Be("Café", "prompts left out are written by the script writer");
    }

    [Fact]
    public async Task CreateJob_NoNarration_TheScriptWriterWritesItInTheJobsLanguage()
    {
        var response = await _client.PostAsJsonAsync("/api/jobs", new { theme = "Trois astuces café", template = Reels, language = "fr", voice = (object?)null });

        var job = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        job["voice"].Should().BeNull();
        job["transition"]!.GetValue<string>().Should().Be("cut", "the template's default");
        var lines = job["segments"]!.AsArray().Select(s => s!["narration"]!.GetValue<string>()).ToList();
        lines[0].Should().Be("Trois astuces café : voici l'essentiel.");
        lines.Should().OnlyContain(l => l.Length > 0);
    }

    [Theory]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","language":"de"}""", "language")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","transition":"wipe"}""", "transition")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","transition":"1"}""", "transition")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","voice":{"engine":"robot"}}""", "voice.engine")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","voice":{}}""", "voice.engine")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","voice":{"engine":"espeak","voice":"de-de"}}""", "voice.voice")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","musicAssetId":"0b7c9f5e-1111-4a4a-9d9d-000000000001"}""", "musicAssetId")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","segments":[{},{},{"narration":"This line is far too long to be said in five seconds by any voice at all, really."},{},{},{}]}""", "segments[2].narration")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","segments":[{"prompt":""},{},{},{},{},{}]}""", "segments[0].prompt")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","segments":[{}]}""", "segments")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","segments":[{},{},{},{},{},{}],"prompts":["a","b","c","d","e","f"]}""", "segments")]
    [InlineData("""{"theme":"x","template":"Reels 30s Standard","narrations":["a","b"]}""", "narrations")]
    public async Task CreateJob_BadFinishSetting_Is400NamingTheField(string body, string field)
    {
        var response = await _client.PostAsync("/api/jobs", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        problem!["errors"]!.AsObject().Select(e => e.Key).Should().Contain(field);
    }

    [Fact]
    public async Task CreateJob_HostedVoiceWithoutKey_Is400()
    {
        var response = await _client.PostAsJsonAsync("/api/jobs", new { theme = "x", template = Reels, voice = new { engine = "openai" } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        problem!["errors"]!["voice.engine"]![0]!.GetValue<string>().Should().Contain("API key");
    }

    [Fact]
    public async Task CreateJob_MusicThatIsNotUsable_Is400()
    {
        var owner = await AdminIdAsync();
        var video = await AddAssetAsync(owner, AssetKind.Video, null);
        var notAudio = await AddAssetAsync(owner, AssetKind.Audio, "plain text, not sound"u8.ToArray());
        var otherToken = await factory.CreateUserWithTokenAsync($"music-{Guid.NewGuid():N}@studio.test");
        var othersMusic = await AddAssetAsync(await UserIdOfTokenAsync(otherToken), AssetKind.Audio, await MusicBytesAsync());

        foreach (var asset in new[] { video, notAudio, othersMusic })
        {
            var response = await _client.PostAsJsonAsync("/api/jobs", new { theme = "x", template = Reels, musicAssetId = asset });

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["musicAssetId"].Should().NotBeNull();
        }
    }

    [Fact]
    public async Task Downloads_BeforeCompletion_409_AndAnotherUsersJob_404()
    {
        var created = await _client.PostAsJsonAsync("/api/jobs", new { theme = "x", template = Reels, captions = true });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var stranger = factory.CreateApiClient(await factory.CreateUserWithTokenAsync($"stranger-{Guid.NewGuid():N}@studio.test"));

        (await _client.GetAsync($"/api/jobs/{id}/captions.srt")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await _client.GetAsync($"/api/jobs/{id}/clips.zip")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await stranger.GetAsync($"/api/jobs/{id}/captions.srt")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/jobs/{id}/clips.zip")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FinishedJob_VoiceCaptionsMusicCrossfades_OffersVideoCaptionsAndClips()
    {
        await EnsureShortTemplateAsync();
        var music = await AddAssetAsync(await AdminIdAsync(), AssetKind.Audio, await MusicBytesAsync());
        string[] narrations = ["Été à Noël.", "", "Bonne idée !"];
        var created = await _client.PostAsJsonAsync("/api/jobs", new
        {
            title = "Fini",
            theme = "Café",
            template = Short,
            language = "fr",
            voice = new { engine = "espeak" },
            captions = true,
            musicAssetId = music,
            transition = "crossfade",
            narrations,
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var finished = factory.Services.GetRequiredService<IJobEvents>().WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(3));

        await _client.PostAsync($"/api/jobs/{id}/start", null);

        (await finished).Should().Be(JobStatus.Completed, (await _client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!["error"]?.ToString());
        var job = (await _client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!;
        job["captionsUrl"]!.GetValue<string>().Should().Be($"/api/jobs/{id}/captions.srt");
        job["clipsUrl"]!.GetValue<string>().Should().Be($"/api/jobs/{id}/clips.zip");

        var video = Path.Combine(factory.DataDirectory, $"finished-{id:N}.mp4");
        await File.WriteAllBytesAsync(video, await _client.GetByteArrayAsync($"/api/jobs/{id}/video"));
        var (frames, _, audioSeconds) = await MediaMeasure.StreamsAsync(video);
        frames.Should().Be(180, "3 × 2 s at 30 fps, crossfades included");
        audioSeconds.Should().BeApproximately(6, 0.15);
        var (integrated, truePeak) = await MediaMeasure.LoudnessAsync(video);
        integrated.Should().BeApproximately(-14, 1);
        truePeak.Should().BeLessThanOrEqualTo(-1);

        var srt = await _client.GetAsync($"/api/jobs/{id}/captions.srt");
        srt.StatusCode.Should().Be(HttpStatusCode.OK);
        var cues = Cues(await srt.Content.ReadAsStringAsync());
        cues.Should().HaveCount(2, "the silent segment has no caption");
        cues[0].Text.Should().Be("Été à Noël.");
        cues[0].Start.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThan(TimeSpan.FromSeconds(0.5));
        cues[0].End.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(2));
        cues[1].Text.Should().Be("Bonne idée !");
        cues[1].Start.Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(4)).And.BeLessThan(TimeSpan.FromSeconds(4.5));
        cues[1].End.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(6));

        var zip = await _client.GetAsync($"/api/jobs/{id}/clips.zip");
        zip.Content.Headers.ContentType!.MediaType.Should().Be("application/zip");
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        archive.Entries.Select(e => e.FullName).Should().Equal("segment-01.mp4", "segment-02.mp4", "segment-03.mp4");
    }

    [Fact]
    public async Task FinishedJob_WithoutCaptions_CaptionsAre404()
    {
        await EnsureShortTemplateAsync();
        var created = await _client.PostAsJsonAsync("/api/jobs", new { theme = "Plain", template = Short });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var finished = factory.Services.GetRequiredService<IJobEvents>().WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(3));
        await _client.PostAsync($"/api/jobs/{id}/start", null);
        (await finished).Should().Be(JobStatus.Completed);

        (await _client.GetAsync($"/api/jobs/{id}/captions.srt")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.GetAsync($"/api/jobs/{id}/clips.zip")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.GetFromJsonAsync<JsonObject>($"/api/jobs/{id}"))!["captionsUrl"].Should().BeNull();
    }

    private static List<(TimeSpan Start, TimeSpan End, string Text)> Cues(string srt) =>
        [.. srt.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(block =>
        {
            var lines = block.Split('\n');
            var times = lines[1].Split(" --> ");
            return (Parse(times[0]), Parse(times[1]), string.Join(' ', lines.Skip(2)));
        })];

    private static TimeSpan Parse(string srtTime) => TimeSpan.ParseExact(srtTime, @"hh\:mm\:ss\,fff", System.Globalization.CultureInfo.InvariantCulture);

    private async Task EnsureShortTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
            if (!db.Templates.Any(t => t.Name == Short))
            {
                db.Templates.Add(new VideoTemplate(Guid.NewGuid(), Short, "Tests", AspectRatio.Portrait9x16, 3, 2, "local", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow, "en", TransitionStyle.Cut));
                await db.SaveChangesAsync();
            }
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private async Task<Guid> AddAssetAsync(string ownerId, AssetKind kind, byte[]? content)
    {
        var id = Guid.NewGuid();
        var key = FileKeys.Asset(id);
        await factory.Services.GetRequiredService<IFileStore>().PutAsync(key, new MemoryStream(content ?? [0, 0, 0, 0]), CancellationToken.None);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StudioDbContext>();
        db.Assets.Add(new Asset(id, ownerId, kind, "track.mp3", key, kind == AssetKind.Audio ? "audio/mpeg" : "video/mp4", content?.Length ?? 4, new string('0', 64), DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<byte[]> MusicBytesAsync()
    {
        var file = Path.Combine(factory.DataDirectory, $"music-{Guid.NewGuid():N}.mp3");
        await factory.Services.GetRequiredService<IMediaEngine>().RunAsync(
            new MediaJob([MediaInput.Lavfi("anoisesrc=color=pink:amplitude=0.2:sample_rate=44100:seed=7")], null, ["-t", "4", "-c:a", "libmp3lame"], file, TimeSpan.Zero),
            null,
            CancellationToken.None);
        return await File.ReadAllBytesAsync(file);
    }

    private async Task<string> AdminIdAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Studio.Core.Accounts.StudioUser>>();
        return (await users.FindByEmailAsync(StudioAppFactory.AdminEmail))!.Id;
    }

    private async Task<string> UserIdOfTokenAsync(string token)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var authenticator = scope.ServiceProvider.GetRequiredService<Studio.Core.Accounts.ApiTokenAuthenticator>();
        return (await authenticator.FindUserIdAsync(token, CancellationToken.None))!;
    }
}
