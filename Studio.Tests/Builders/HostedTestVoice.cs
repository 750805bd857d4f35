using Studio.Core.Voice;

namespace Studio.Tests.Builders;

/// <summary>
/// The offline espeak voice presented as a hosted one, which bills each voice-over: the real audio and the real FFmpeg
/// assembly run, and the test can count how often the (paid) voice was asked to speak.
/// </summary>
public sealed class HostedTestVoice(IVoiceEngine inner) : IVoiceEngine
{
    public const string EngineName = "hostedvoice";

    private int _lines;

    /// <summary>Lines spoken so far (each a paid call at a real hosted voice).</summary>
    public int Lines => _lines;

    public string Name => EngineName;

    public string DisplayName => "Hosted voice (test)";

    public bool IsConfigured => true;

    public bool IsHosted => true;

    public Studio.Core.Common.StoredText? CheckVoice(string? voice, string language) => inner.CheckVoice(voice, language);

    public Task<SpeechAudio> SpeakAsync(SpeechRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref _lines);
        return inner.SpeakAsync(request, ct);
    }
}
