using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Assembly;

/// <summary>How the final cut is encoded and finished, under <c>Studio:Assembly</c>.</summary>
public sealed class AssemblyOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Assembly";

    /// <summary>x264 preset of a re-encoded cut. Default "veryfast".</summary>
    [Required]
    [RegularExpression("^(ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow)$")]
    public string Preset { get; set; } = "veryfast";

    /// <summary>x264 constant rate factor of a re-encoded cut (lower is better and bigger). Default 20.</summary>
    [Range(0, 51)]
    public int Crf { get; set; } = 20;

    /// <summary>Length of a crossfade or fade-through-black. Default 0.5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:00:02")]
    public TimeSpan TransitionDuration { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// How much faster than recorded a narration line may be played to fit its segment (atempo). Default 1.25;
    /// a line that would need more fails the assembly with a message saying which segment to shorten.
    /// </summary>
    [Range(1.0, 2.0)]
    public double MaxSpeechTempo { get; set; } = 1.25;

    /// <summary>Silence before a segment's narration starts. Default 0.25 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02")]
    public TimeSpan SpeechLeadIn { get; set; } = TimeSpan.FromSeconds(0.25);

    /// <summary>Integrated loudness of a cut with voice or music, in LUFS. Default −14 (the social platforms' target).</summary>
    [Range(-30.0, -5.0)]
    public double LoudnessTarget { get; set; } = -14;

    /// <summary>Highest true peak, in dBTP. Default −1.5 (a margin under the −1 dBTP ceiling for the AAC encoder's overshoot).</summary>
    [Range(-9.0, 0.0)]
    public double TruePeak { get; set; } = -1.5;

    /// <summary>Gain of the music before ducking and normalisation, in dB. Default −8: a bed under the voice.</summary>
    [Range(-40.0, 6.0)]
    public double MusicGainDb { get; set; } = -8;

    /// <summary>Font family of burned-in captions, found through fontconfig. Default "DejaVu Sans" (Debian's <c>fonts-dejavu-core</c>).</summary>
    [Required]
    public string CaptionFont { get; set; } = "DejaVu Sans";

    /// <summary>Folder libass searches for the caption font before fontconfig. Default Debian's DejaVu folder.</summary>
    public string FontsFolder { get; set; } = "/usr/share/fonts/truetype/dejavu";
}
