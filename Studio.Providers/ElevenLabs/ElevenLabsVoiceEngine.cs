using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Media;
using Studio.Core.Storage;
using Studio.Core.Voice;
using Studio.Providers.Http;

namespace Studio.Providers.ElevenLabs;

/// <summary>ElevenLabs (<c>POST /v1/text-to-speech/{voice_id}</c>, <c>xi-api-key</c> header): MP3 back; durations are measured with ffprobe.</summary>
public sealed partial class ElevenLabsVoiceEngine(IHttpClientFactory clients, IOptions<ElevenLabsOptions> options, IMediaEngine media, StudioPaths paths) : IVoiceEngine
{
    /// <summary>A hosted voice: billed per video (<c>Studio:Costs:HostedVoiceUsd</c>).</summary>
    public bool IsHosted => true;

    /// <summary>Name of the HTTP client (with its resilience handler) this class uses.</summary>
    public const string HttpClientName = "ElevenLabsVoiceEngine";

    /// <summary>The engine's name in jobs and the API.</summary>
    public const string EngineName = "elevenlabs";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public string Name => EngineName;

    /// <inheritdoc />
    public string DisplayName => "ElevenLabs";

    /// <inheritdoc />
    public bool IsConfigured => options.Value.ApiKey.Length > 0;

    /// <inheritdoc />
    public StoredText? CheckVoice(string? voice, string language) =>
        voice is null || VoiceId().IsMatch(voice) ? null : StoredText.Of("'{0}' is not an ElevenLabs voice id (letters and digits, e.g. 21m00Tcm4TlvDq8ikWAM).", voice);

    /// <inheritdoc />
    public async Task<SpeechAudio> SpeakAsync(SpeechRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var voice = Uri.EscapeDataString(request.Voice ?? settings.DefaultVoiceId);
        var uri = new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), $"v1/text-to-speech/{voice}?output_format={Uri.EscapeDataString(settings.OutputFormat)}");
        using var message = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(new SpeechBody(request.Text, settings.ModelId, request.Language), options: Json),
        };
        message.Headers.Add("xi-api-key", settings.ApiKey);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                   || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new VoiceException(StoredText.Of("ElevenLabs could not be reached."), ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new VoiceException(await DescribeAsync(response, ct).ConfigureAwait(false));
            }

            return await SpeechFiles.SaveAsync(response.Content, ".mp3", paths, media, DisplayName, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Our sentence for a refusal; ElevenLabs' own message, when it sent one, is kept as written inside it.</summary>
    private static async Task<StoredText> DescribeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string? code = null;
        string? text = null;
        try
        {
            // {"detail":{"status","message"}}; schema errors use FastAPI's list form instead.
            var detail = (await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct).ConfigureAwait(false)).GetProperty("detail");
            if (detail.ValueKind == JsonValueKind.Object)
            {
                code = detail.TryGetProperty("status", out var s) ? s.GetString() : null;
                text = detail.TryGetProperty("message", out var m) ? m.GetString() : null;
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // The status says enough.
        }

        return (int)response.StatusCode switch
        {
            401 when code == "quota_exceeded" => StoredText.Of("The ElevenLabs quota is spent."),
            401 or 403 => StoredText.Of("ElevenLabs refused the API key (Studio:Voice:ElevenLabs:ApiKey)."),
            429 => StoredText.Of("ElevenLabs is busy (too many requests at once); try again later."),
            var status => text is { Length: > 0 }
                ? StoredText.Of("ElevenLabs answered {0}: {1}", status, text)
                : StoredText.Of("ElevenLabs answered {0}.", status),
        };
    }

    [GeneratedRegex("^[A-Za-z0-9]{8,40}$")]
    private static partial Regex VoiceId();

    private sealed record SpeechBody(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("model_id")] string ModelId,
        [property: JsonPropertyName("language_code")] string LanguageCode);
}
