using System.ComponentModel.DataAnnotations;

namespace Studio.Providers.ElevenLabs;

/// <summary>ElevenLabs text-to-speech (<c>elevenlabs</c> voice engine), under <c>Studio:Voice:ElevenLabs</c>. Without a key the engine is offered but refused.</summary>
public sealed class ElevenLabsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Voice:ElevenLabs";

    /// <summary>Server root. Default "https://api.elevenlabs.io".</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://api.elevenlabs.io";

    /// <summary>The <c>xi-api-key</c>. Read from configuration or environment only, never logged. Default empty (engine unavailable).</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Model id. Default "eleven_multilingual_v2" (speaks French and English).</summary>
    [Required]
    public string ModelId { get; set; } = "eleven_multilingual_v2";

    /// <summary>Voice id when a job names none. Default "21m00Tcm4TlvDq8ikWAM" (the premade voice "Rachel").</summary>
    [Required]
    public string DefaultVoiceId { get; set; } = "21m00Tcm4TlvDq8ikWAM";

    /// <summary>Audio format (<c>codec_samplerate_bitrate</c>). Default "mp3_44100_128".</summary>
    [Required]
    [RegularExpression("^mp3_[0-9]+_[0-9]+$")]
    public string OutputFormat { get; set; } = "mp3_44100_128";

    /// <summary>Longest one request may take. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First delay before retrying when the server gives no Retry-After. Default 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
