using Studio.Core.Jobs;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Core.Voice;
using Studio.Providers.OpenAi;
using Studio.Tests.Fakes;
using Studio.Tests.Providers.Hosted;

namespace Studio.Tests.Core.Assembly;

/// <summary>
/// A voice-over that a hosted voice refuses fails the job through the real worker loop, the real local provider, the
/// real OpenAI speech client (against a fake of its protocol) and the real assembly: the reason is stored as our
/// sentences, read in French by a French reader and in English by others, OpenAI's own words kept as written.
/// </summary>
public sealed class VoiceOverFailureLanguageTests : IAsyncLifetime
{
    private const string Owner = "voice-language-owner";
    private const string Template = "Voice Language Square 2x2";
    private const string OpenAiSaid = "Input contains characters this voice cannot read.";
    private FakeOpenAiServer _openAi = null!;
    private CoreHost _core = null!;

    public async Task InitializeAsync()
    {
        _openAi = await FakeOpenAiServer.StartAsync(await SpeechMp3.MakeAsync());
        _core = await CoreHost.StartAsync(new Dictionary<string, string?>
        {
            ["Studio:Voice:OpenAI:BaseUrl"] = _openAi.BaseUrl.ToString(),
            ["Studio:Voice:OpenAI:ApiKey"] = FakeOpenAiServer.Key,
            ["Studio:Voice:OpenAI:RetryDelay"] = "00:00:00.010",
        });
        await _core.AddTemplateAsync(new VideoTemplate(
            Guid.NewGuid(), Template, "", AspectRatio.Square1x1, 2, 2, "local", GenerationMode.TextToVideo, "", [], DateTimeOffset.UtcNow));
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _openAi.DisposeAsync();
    }

    [Fact]
    public async Task Assemble_OpenAiRefusesTheFirstLine_TheJobFails_FrenchReaderReadsFrenchWithOpenAisWordsAsWritten()
    {
        _openAi.ReplySpeechError(400, "invalid_request_error", null, OpenAiSaid);
        var jobs = _core.Get<JobService>();
        var created = await jobs.CreateAsync(
            Owner,
            new CreateJobCommand("Voiced", "A refused line", Template, Provider: "local", Prompts: ["A lighthouse at dusk", "Waves on the rocks"], Narrations: ["Bonjour.", "Au revoir."], Voice: new VoiceChoice(OpenAiSpeechEngine.EngineName, null)),
            CancellationToken.None);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors?.Messages ?? []));
        (await jobs.StartWithReasonAsync(Owner, created.Job!.Id, CancellationToken.None)).Outcome.Should().Be(JobCommandOutcome.Done);

        await _core.RunUntilFinishedAsync(created.Job.Id, "voice-language-worker");

        var failed = await _core.LoadJobAsync(created.Job.Id);
        failed.Status.Should().Be(JobStatus.Failed);
        failed.Error.Should().Be($"The final video could not be assembled: The voice-over of segment 1 could not be made: OpenAI speech answered 400: {OpenAiSaid}", "the English sentence stays what it was");
        var french = await ReadAsync(created.Job.Id, "fr-FR");
        french.Error.Should().Be($"La vidéo finale n’a pas pu être montée : La voix off du segment 1 n’a pas pu être faite : OpenAI speech a répondu 400 : {OpenAiSaid}");
        (await ReadAsync(created.Job.Id, "en-US")).Error.Should().Be(failed.Error);
    }

    private async Task<JobDetails> ReadAsync(Guid jobId, string culture) =>
        (await CoreLocalizers.InCultureAsync(culture, () => _core.Get<JobService>().GetAsync(Owner, jobId, CancellationToken.None)))!;
}
