using Studio.Core.Templates;

namespace Studio.Core.Assembly;

/// <summary>What the final cut is made of and where it goes.</summary>
/// <param name="Clips">The chosen clip of every segment, in order.</param>
/// <param name="Size">Frame size of the cut.</param>
/// <param name="OutputVideoFile">Where the MP4 is written (a scratch path; the caller moves it into place).</param>
/// <param name="OutputPosterFile">Where the poster JPEG is written (a scratch path).</param>
public sealed record AssemblyPlan(IReadOnlyList<AssemblyClip> Clips, FrameSize Size, string OutputVideoFile, string OutputPosterFile)
{
    /// <summary>Length of the cut: the sum of the clips' planned lengths, whatever the transitions.</summary>
    public TimeSpan TotalDuration => Clips.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Duration);

    /// <summary>How segments give way to each other. Default <see cref="TransitionStyle.Cut"/>.</summary>
    public TransitionStyle Transition { get; init; } = TransitionStyle.Cut;

    /// <summary>Length of each crossfade or fade. Default 0.5 s; ignored for cuts.</summary>
    public TimeSpan TransitionDuration { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>Narration lines, at most one per clip. Default none.</summary>
    public IReadOnlyList<PlannedSpeech> Speech { get; init; } = [];

    /// <summary>An ASS subtitle file burned into the picture, or null. Default null.</summary>
    public string? CaptionsFile { get; init; }

    /// <summary>A music track looped or cut to the cut's length and ducked under the speech, or null. Default null.</summary>
    public string? MusicFile { get; init; }

    /// <summary>True when the sound is mixed (voice or music) and normalised to the loudness target.</summary>
    public bool MixesAudio => Speech.Count > 0 || MusicFile is not null;

    /// <summary>Why the cut cannot be a plain join of the clips, or null when it can.</summary>
    public string? FinishingReason =>
        Transition != TransitionStyle.Cut ? $"{Transition} transitions"
        : CaptionsFile is not null ? "burned-in captions"
        : MixesAudio ? "voice-over or music"
        : null;
}
