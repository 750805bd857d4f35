using System.ComponentModel.DataAnnotations;

namespace Studio.Providers.OpenAi;

/// <summary>OpenAI text-to-speech (<c>openai</c> voice engine), under <c>Studio:Voice:OpenAI</c>. Without a key the engine is offered but refused.</summary>
public sealed class OpenAiSpeechOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Voice:OpenAI";

    /// <summary>Server root; <c>/v1/audio/speech</c> is appended. Default "https://api.openai.com".</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://api.openai.com";

    /// <summary>Bearer key. Read from configuration or environment only, never logged. Default empty (engine unavailable).</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>Speech model: "tts-1", "tts-1-hd" or "gpt-4o-mini-tts". Default "tts-1".</summary>
    [Required]
    public string Model { get; set; } = "tts-1";

    /// <summary>Voice when a job names none (every OpenAI voice speaks French and English). Default "alloy".</summary>
    [Required]
    public string DefaultVoice { get; set; } = "alloy";

    /// <summary>Longest one request may take. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First delay before retrying when the server gives no Retry-After. Default 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
