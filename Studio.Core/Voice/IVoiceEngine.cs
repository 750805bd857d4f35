using Studio.Core.Common;

namespace Studio.Core.Voice;

/// <summary>Reads text aloud into an audio file: espeak-ng offline, or a hosted text-to-speech service.</summary>
public interface IVoiceEngine
{
    /// <summary>Unique lower-case name used in jobs and the API (e.g. "espeak").</summary>
    string Name { get; }

    /// <summary>Name shown to users.</summary>
    string DisplayName { get; }

    /// <summary>False when the engine lacks what it needs to run here (a hosted engine without an API key).</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// Why <paramref name="voice"/> cannot read <paramref name="language"/>, or null when it can (null voice = the
    /// engine's default): one of our sentences, worded in the reader's language where it is shown.
    /// </summary>
    StoredText? CheckVoice(string? voice, string language);

    /// <summary>Synthesises the request into a new scratch file and measures it; the caller deletes the file.</summary>
    /// <exception cref="VoiceException">The engine failed; the message is meant for the user.</exception>
    Task<SpeechAudio> SpeakAsync(SpeechRequest request, CancellationToken ct);

    /// <summary>True when a hosted service speaks (and bills) the voice-over. Default false.</summary>
    bool IsHosted => false;
}
