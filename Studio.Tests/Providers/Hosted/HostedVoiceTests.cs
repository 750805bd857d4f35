using System.Text.Json.Nodes;
using Studio.Core.Jobs;
using Studio.Core.Templates;
using Studio.Core.Voice;
using Studio.Providers.ElevenLabs;
using Studio.Providers.OpenAi;
using Studio.Tests.Fakes;

namespace Studio.Tests.Providers.Hosted;

/// <summary>OpenAI speech and ElevenLabs against fakes of their protocols, through the real clients and resilience pipeline.</summary>
public sealed class HostedVoiceTests : IAsyncLifetime
{
    private FakeOpenAiServer _openAi = null!;
    private FakeElevenLabsServer _elevenLabs = null!;
    private CoreHost _core = null!;

    private IVoiceEngine OpenAi => _core.Get<VoiceCatalog>().Get(OpenAiSpeechEngine.EngineName);

    private IVoiceEngine ElevenLabs => _core.Get<VoiceCatalog>().Get(ElevenLabsVoiceEngine.EngineName);

    public async Task InitializeAsync()
    {
        var mp3 = await SpeechMp3.MakeAsync();
        _openAi = await FakeOpenAiServer.StartAsync(mp3);
        _elevenLabs = await FakeElevenLabsServer.StartAsync(mp3);
        _core = await CoreHost.StartAsync(new Dictionary<string, string?>
        {
            ["Studio:Voice:OpenAI:BaseUrl"] = _openAi.BaseUrl.ToString(),
            ["Studio:Voice:OpenAI:ApiKey"] = FakeOpenAiServer.Key,
            ["Studio:Voice:OpenAI:RetryDelay"] = "00:00:00.010",
            ["Studio:Voice:ElevenLabs:BaseUrl"] = _elevenLabs.BaseUrl.ToString(),
            ["Studio:Voice:ElevenLabs:ApiKey"] = FakeElevenLabsServer.Key,
            ["Studio:Voice:ElevenLabs:RetryDelay"] = "00:00:00.010",
        });
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _openAi.DisposeAsync();
        await _elevenLabs.DisposeAsync();
    }

    [Fact]
    public async Task OpenAi_SpeakAsync_SendsTheLineAndMeasuresTheAudio()
    {
        var audio = await OpenAi.SpeakAsync(new SpeechRequest("Voici trois astuces.", "fr", "Nova"), CancellationToken.None);

        audio.Duration.Should().BeCloseTo(SpeechMp3.Duration, TimeSpan.FromMilliseconds(100));
        File.Exists(audio.File).Should().BeTrue();
        var body = JsonNode.Parse(_openAi.Requests.Single().Body)!;
        (body["model"]!.GetValue<string>(), body["input"]!.GetValue<string>(), body["voice"]!.GetValue<string>(), body["response_format"]!.GetValue<string>())
            .Should().Be(("tts-1", "Voici trois astuces.", "nova", "mp3"));
        File.Delete(audio.File);
    }

    [Fact]
    public async Task OpenAi_RateLimitedThenOk_Retries()
    {
        _openAi.ReplySpeechError(429, "rate_limit_exceeded", "rate_limit_exceeded", "Slow down", retryAfter: "0");

        var audio = await OpenAi.SpeakAsync(new SpeechRequest("Hello.", "en", null), CancellationToken.None);

        _openAi.Requests.Should().HaveCount(2);
        JsonNode.Parse(_openAi.Requests.Last().Body)!["voice"]!.GetValue<string>().Should().Be("alloy");
        File.Delete(audio.File);
    }

    [Fact]
    public async Task OpenAi_QuotaSpent_IsAVoiceErrorWithoutRetry()
    {
        _openAi.ReplySpeechError(429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota.");

        var speak = () => OpenAi.SpeakAsync(new SpeechRequest("Hello.", "en", null), CancellationToken.None);

        (await speak.Should().ThrowAsync<VoiceException>()).Which.Message.Should().Contain("quota");
        _openAi.Requests.Should().HaveCount(1);
    }

    [Fact]
    public void OpenAi_UnknownVoice_IsRefusedBeforeAnyRequest()
    {
        OpenAi.CheckVoice("robot", "en")!.English.Should().Contain("alloy");
        OpenAi.CheckVoice("shimmer", "fr").Should().BeNull();
    }

    [Fact]
    public async Task CreateAsync_UnknownOpenAiVoice_FrenchReaderGetsTheFieldErrorInFrench()
    {
        string[] lines = ["a", "b", "c", "d", "e", "f"];
        var command = new CreateJobCommand("T", "Café", DefaultTemplates.Reels30, Prompts: lines, Narrations: lines, Voice: new VoiceChoice(OpenAiSpeechEngine.EngineName, "robot"));
        var result = await CoreLocalizers.InCultureAsync("fr-FR", () => _core.Get<JobService>().CreateAsync("user-1", command, CancellationToken.None));

        result.Errors!.ToDictionary()["voice.voice"].Should().ContainSingle()
            .Which.Should().StartWith("« robot » n’est pas une voix OpenAI ; utilisez l’une de celles-ci : alloy, ash,");
    }

    [Fact]
    public async Task ElevenLabs_SpeakAsync_PostsToTheVoiceWithTheKeyHeader()
    {
        var audio = await ElevenLabs.SpeakAsync(new SpeechRequest("Bonne idée !", "fr", "AbCdEf0123456789"), CancellationToken.None);

        audio.Duration.Should().BeCloseTo(SpeechMp3.Duration, TimeSpan.FromMilliseconds(100));
        var request = _elevenLabs.Requests.Single();
        request.Path.Should().Be("/v1/text-to-speech/AbCdEf0123456789");
        request.Query.Should().Be("?output_format=mp3_44100_128");
        request.Headers["xi-api-key"].Should().Be(FakeElevenLabsServer.Key);
        request.Headers.Should().NotContainKey("Authorization");
        var body = JsonNode.Parse(request.Body)!;
        (body["text"]!.GetValue<string>(), body["model_id"]!.GetValue<string>(), body["language_code"]!.GetValue<string>())
            .Should().Be(("Bonne idée !", "eleven_multilingual_v2", "fr"));
        File.Delete(audio.File);
    }

    [Fact]
    public async Task ElevenLabs_TooManyConcurrentRequests_IsRetried()
    {
        _elevenLabs.ReplyError(429, "too_many_concurrent_requests", "Too many concurrent requests", retryAfter: "0");

        var audio = await ElevenLabs.SpeakAsync(new SpeechRequest("Hi.", "en", null), CancellationToken.None);

        _elevenLabs.Requests.Should().HaveCount(2);
        _elevenLabs.Requests.Last().Path.Should().EndWith("/21m00Tcm4TlvDq8ikWAM");
        File.Delete(audio.File);
    }

    [Fact]
    public async Task ElevenLabs_QuotaExceeded_IsAVoiceError()
    {
        _elevenLabs.ReplyError(401, "quota_exceeded", "This request exceeds your quota.");

        var speak = () => ElevenLabs.SpeakAsync(new SpeechRequest("Hi.", "en", null), CancellationToken.None);

        (await speak.Should().ThrowAsync<VoiceException>()).Which.Message.Should().Contain("quota");
    }

    [Fact]
    public async Task HostedVoices_WithoutKeys_AreListedButNotConfigured()
    {
        await using var bare = await CoreHost.StartAsync();
        var voices = bare.Get<VoiceCatalog>();

        voices.All.Select(v => (v.Name, v.IsConfigured)).Should().BeEquivalentTo([("espeak", true), ("openai", false), ("elevenlabs", false)]);
    }
}
