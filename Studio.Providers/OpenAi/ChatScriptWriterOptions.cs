using System.ComponentModel.DataAnnotations;

namespace Studio.Providers.OpenAi;

/// <summary>
/// The OpenAI-compatible chat model that writes storyboards, under <c>Studio:ScriptWriter:Chat</c> (used when
/// <c>Studio:ScriptWriter:Engine</c> is "chat"). Serves OpenAI, Ollama, vLLM, LM Studio and other compatible servers.
/// </summary>
public sealed class ChatScriptWriterOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:ScriptWriter:Chat";

    /// <summary>Server root; <c>/v1/chat/completions</c> is appended. Default "https://api.openai.com" (Ollama: "http://localhost:11434").</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "https://api.openai.com";

    /// <summary>Model name. Default "gpt-4o-mini".</summary>
    [Required]
    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>Bearer key; empty for local servers that need none. Read from configuration or environment only, never logged. Default empty.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>
    /// True to ask for a strict JSON schema (<c>response_format: json_schema</c>); false for servers that only know
    /// <c>json_object</c>. Default true.
    /// </summary>
    public bool UseJsonSchema { get; set; } = true;

    /// <summary>Sampling temperature. Default 0.7.</summary>
    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.7;

    /// <summary>Longest reply, in tokens. Default 2000.</summary>
    [Range(200, 32000)]
    public int MaxTokens { get; set; } = 2000;

    /// <summary>Longest one request may take. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First delay before retrying a rate-limited or failed request when the server gives no Retry-After. Default 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
