using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Media;
using Studio.Core.Storage;
using Studio.Core.Voice;
using Studio.Providers.Http;

namespace Studio.Providers.OpenAi;

/// <summary>OpenAI speech (<c>POST /v1/audio/speech</c>): MP3 back, no timestamps; durations are measured with ffprobe.</summary>
public sealed class OpenAiSpeechEngine(IHttpClientFactory clients, IOptions<OpenAiSpeechOptions> options, IMediaEngine media, StudioPaths paths) : IVoiceEngine
{
    /// <summary>A hosted voice: billed per video (<c>Studio:Costs:HostedVoiceUsd</c>).</summary>
    public bool IsHosted => true;

    /// <summary>Name of the HTTP client (with its resilience handler) this class uses.</summary>
    public const string HttpClientName = "OpenAiSpeechEngine";

    /// <summary>The engine's name in jobs and the API.</summary>
    public const string EngineName = "openai";

    /// <summary>The voices OpenAI documents (all multilingual).</summary>
    public static IReadOnlyList<string> Voices { get; } = ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public string Name => EngineName;

    /// <inheritdoc />
    public string DisplayName => "OpenAI speech";

    /// <inheritdoc />
    public bool IsConfigured => options.Value.ApiKey.Length > 0;

    /// <inheritdoc />
    public StoredText? CheckVoice(string? voice, string language) =>
        voice is null || Voices.Contains(voice, StringComparer.OrdinalIgnoreCase)
            ? null
            : StoredText.Of("'{0}' is not an OpenAI voice; use one of {1}.", voice, string.Join(", ", Voices));

    /// <inheritdoc />
    public async Task<SpeechAudio> SpeakAsync(SpeechRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var body = new SpeechBody(settings.Model, request.Text, (request.Voice ?? settings.DefaultVoice).ToLowerInvariant(), "mp3");
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), "v1/audio/speech"))
        {
            Content = JsonContent.Create(body, options: Json),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                   || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new VoiceException(StoredText.Of("OpenAI speech could not be reached."), ex);
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

    /// <summary>Our sentence for a refusal; OpenAI's own message, when it sent one, is kept as written inside it.</summary>
    private static async Task<StoredText> DescribeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        OpenAiError? error = null;
        try
        {
            error = (await response.Content.ReadFromJsonAsync<OpenAiErrorEnvelope>(Json, ct).ConfigureAwait(false))?.Error;
        }
        catch (JsonException)
        {
            // The status says enough.
        }

        return (int)response.StatusCode switch
        {
            401 or 403 => StoredText.Of("OpenAI speech refused the API key (Studio:Voice:OpenAI:ApiKey)."),
            429 when error?.Code == "insufficient_quota" => StoredText.Of("The OpenAI quota is spent."),
            429 => StoredText.Of("OpenAI speech is rate limiting Studio; try again later."),
            var status => error?.Message is { Length: > 0 } m
                ? StoredText.Of("OpenAI speech answered {0}: {1}", status, m)
                : StoredText.Of("OpenAI speech answered {0}.", status),
        };
    }

    private sealed record SpeechBody(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("input")] string Input,
        [property: JsonPropertyName("voice")] string Voice,
        [property: JsonPropertyName("response_format")] string ResponseFormat);
}
