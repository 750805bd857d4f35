using Microsoft.Extensions.Options;
using Studio.Core.Assembly;
using Studio.Core.Jobs;
using Studio.Core.Media;
using Studio.Core.Voice;

namespace Studio.Tests.Core.Assembly;

public sealed class NarrationVoicerTests
{
    [Fact]
    public async Task VoiceAsync_LineTooLongEvenSpedUp_FailsNamingTheSegment()
    {
        var job = JobWithVoice();
        var voicer = new NarrationVoicer(new VoiceCatalog([new ScriptedVoice(TimeSpan.FromSeconds(7))]), Options.Create(new AssemblyOptions()));
        var scratch = new List<string>();

        var voice = () => voicer.VoiceAsync(job, scratch, null, CancellationToken.None);

        (await voice.Should().ThrowAsync<MediaProcessingException>()).Which.Message.Should().Contain("Segment 1's narration").And.Contain("shorten it");
        scratch.Should().ContainSingle("the synthesised file is still handed over for deletion");
    }

    [Fact]
    public async Task VoiceAsync_SlightlyLongLine_IsSpedUpToFit()
    {
        var voicer = new NarrationVoicer(new VoiceCatalog([new ScriptedVoice(TimeSpan.FromSeconds(5.4))]), Options.Create(new AssemblyOptions()));

        var lines = await voicer.VoiceAsync(JobWithVoice(), [], null, CancellationToken.None);

        lines.Should().HaveCount(6);
        lines.Should().OnlyContain(l => l.Speech.Tempo > 1 && l.Speech.Tempo <= 1.25);
        lines.Select(l => l.Speech.ClipIndex).Should().Equal(0, 1, 2, 3, 4, 5);
    }

    [Fact]
    public async Task VoiceAsync_NoVoice_SynthesisesNothing()
    {
        var voicer = new NarrationVoicer(new VoiceCatalog([]), Options.Create(new AssemblyOptions()));

        (await voicer.VoiceAsync(new JobBuilder().Build(), [], null, CancellationToken.None)).Should().BeEmpty();
    }

    private static ProductionJob JobWithVoice()
    {
        var job = new JobBuilder().Build();
        foreach (var segment in job.Segments)
        {
            segment.WithNarration($"Line {segment.Index + 1}.");
        }

        return job.WithCut(new CutSettings("en", new VoiceChoice(ScriptedVoice.EngineName, null), false, null, TransitionStyle.Cut));
    }

    /// <summary>A voice engine at the edge: every line "lasts" the given time.</summary>
    private sealed class ScriptedVoice(TimeSpan duration) : IVoiceEngine
    {
        public const string EngineName = "scripted";

        public string Name => EngineName;

        public string DisplayName => "Scripted";

        public bool IsConfigured => true;

        public Studio.Core.Common.StoredText? CheckVoice(string? voice, string language) => null;

        public Task<SpeechAudio> SpeakAsync(SpeechRequest request, CancellationToken ct) =>
            Task.FromResult(new SpeechAudio(Path.Combine(Path.GetTempPath(), $"scripted-{Guid.NewGuid():N}.wav"), duration));
    }
}
