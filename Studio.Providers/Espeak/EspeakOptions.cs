using System.ComponentModel.DataAnnotations;

namespace Studio.Providers.Espeak;

/// <summary>Settings of the offline <c>espeak</c> voice, under <c>Studio:Voice:Espeak</c>.</summary>
public sealed class EspeakOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Voice:Espeak";

    /// <summary>The espeak-ng program (a name found on PATH, or a full path). Default "espeak-ng" (Debian's <c>espeak-ng</c> package).</summary>
    [Required]
    public string Binary { get; set; } = "espeak-ng";

    /// <summary>Speaking rate in words a minute. Default 165 (espeak's own default is 175; a touch slower reads better).</summary>
    [Range(80, 400)]
    public int WordsPerMinute { get; set; } = 165;

    /// <summary>Voice for English narration when a job names none. Default "en-us".</summary>
    [Required]
    public string EnglishVoice { get; set; } = "en-us";

    /// <summary>Voice for French narration when a job names none. Default "fr-fr".</summary>
    [Required]
    public string FrenchVoice { get; set; } = "fr-fr";

    /// <summary>Longest one line may take to synthesise. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
