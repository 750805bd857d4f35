using System.ComponentModel.DataAnnotations;
using Studio.Providers.Media;

namespace Studio.Providers.Local;

/// <summary>Settings of the <c>local</c> provider, under <c>Studio:Providers:Local</c>.</summary>
public sealed class LocalProviderOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Providers:Local";

    /// <summary>The font every text-to-video clip is set in.</summary>
    public const string DefaultFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    /// <summary>
    /// x264 preset of the clips. Default "ultrafast": a 5 s 1080×1920 clip renders in about 2 s on one core, which
    /// keeps a 30 s job well inside its time budget; slower presets make smaller files at the same quality.
    /// </summary>
    [Required]
    [RegularExpression("^(ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow)$")]
    public string Preset { get; set; } = ClipEncoding.DefaultPreset;

    /// <summary>x264 constant rate factor (lower is better and bigger). Default 20.</summary>
    [Range(0, 51)]
    public int Crf { get; set; } = ClipEncoding.DefaultCrf;

    /// <summary>
    /// TrueType font of the prompt text. Default DejaVu Sans Bold from Debian's <c>fonts-dejavu-core</c>
    /// (<see cref="DefaultFontFile"/>).
    /// </summary>
    [Required]
    public string FontFile { get; set; } = DefaultFontFile;

    /// <summary>
    /// The moving background of text-to-video is drawn at the frame size divided by this, then scaled up: it is soft
    /// anyway, and drawing it small is four times faster. Default 4 (270×480 for a 1080×1920 frame).
    /// </summary>
    [Range(1, 8)]
    public int BackgroundScaleDivisor { get; set; } = 4;

    /// <summary>How many clips render at the same time; later submits wait as Queued. Default 2.</summary>
    [Range(1, 16)]
    public int MaxParallelRenders { get; set; } = 2;

    /// <summary>How long a finished clip that nobody downloads is kept before it is deleted. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);
}
