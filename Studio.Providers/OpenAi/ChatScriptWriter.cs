using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Scripts;
using Studio.Core.Segments;

namespace Studio.Providers.OpenAi;

/// <summary>
/// Writes storyboards with an OpenAI-compatible chat model: asks for structured JSON (a hook, one visual prompt and
/// one narration line per segment, a call to action), checks the reply (scene count, lengths, nothing empty) and
/// asks once more, saying what was wrong, when it is unusable; a second bad reply is reported to the user.
/// Transient HTTP failures and rate limits are retried by the client's resilience handler.
/// </summary>
public sealed partial class ChatScriptWriter(IHttpClientFactory clients, IOptions<ChatScriptWriterOptions> options, ILogger<ChatScriptWriter> logger) : IScriptWriter
{
    /// <inheritdoc />
    public string Name => "chat";

    /// <summary>A hosted model: billed per video (<c>Studio:Costs:HostedScriptUsd</c>).</summary>
    public bool IsHosted => true;

    /// <summary>Name of the HTTP client (with its resilience handler) this class uses.</summary>
    public const string HttpClientName = "ChatScriptWriter";

    /// <summary>Longest visual prompt accepted from the model.</summary>
    public const int MaxPromptLength = 400;

    /// <summary>Longest hook or call to action accepted from the model.</summary>
    public const int MaxLineLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task<Storyboard> WriteAsync(ScriptRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = new List<ChatMessage> { new("system", SystemPrompt(request)), new("user", UserPrompt(request)) };
        StoredText? problem = null;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var (content, finishProblem) = await CompleteAsync(messages, request, ct).ConfigureAwait(false);
            Storyboard? storyboard = null;
            problem = finishProblem ?? Check(content!, request, out storyboard);
            if (problem is null && storyboard is not null)
            {
                return storyboard;
            }

            problem ??= StoredText.Of("the reply was empty.");
            LogBadReply(logger, attempt, problem.English);

            // The model is told in English whatever the reader's language; the reader gets the same words in theirs.
            messages.Add(new ChatMessage("assistant", content ?? string.Empty));
            messages.Add(new ChatMessage("user", $"That reply cannot be used: {problem.English} Reply again with the JSON object only, following every rule."));
        }

        throw new ScriptWriterException(StoredText.Of("The chat model's storyboard was unusable twice ({0})", problem!));
    }

    /// <summary>The reply's JSON text, or why there is none usable (truncated, refused).</summary>
    private async Task<(string? Content, StoredText? Problem)> CompleteAsync(List<ChatMessage> messages, ScriptRequest request, CancellationToken ct)
    {
        var settings = options.Value;
        var body = new ChatRequest(settings.Model, messages, settings.Temperature, settings.MaxTokens, ResponseFormat(request, settings.UseJsonSchema));
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(settings.BaseUrl.TrimEnd('/') + "/"), "v1/chat/completions"))
        {
            Content = JsonContent.Create(body, options: Json),
        };
        if (settings.ApiKey.Length > 0)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(HttpClientName).SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                                   || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new ScriptWriterException(StoredText.Of("The chat model at {0} could not be reached.", new Uri(settings.BaseUrl).Host), ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new ScriptWriterException(await DescribeErrorAsync(response, ct).ConfigureAwait(false));
            }

            ChatResponse? reply;
            try
            {
                reply = await response.Content.ReadFromJsonAsync<ChatResponse>(Json, ct).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return (null, StoredText.Of("the server's answer was not a chat completion."));
            }

            var choice = reply?.Choices is { Count: > 0 } choices ? choices[0] : null;
            return choice switch
            {
                null => (null, StoredText.Of("the answer had no choices.")),
                { Message.Refusal: { Length: > 0 } refusal } => (null, StoredText.Of("the model refused: {0}", refusal)),
                { FinishReason: "length" } => (choice.Message?.Content, StoredText.Of("the reply was cut off (too long).")),
                { Message.Content: { Length: > 0 } content } => (content, null),
                _ => (null, StoredText.Of("the reply was empty.")),
            };
        }
    }

    /// <summary>Null when the reply is a usable storyboard for the request (then in <paramref name="storyboard"/>), else what is wrong.</summary>
    internal static StoredText? Check(string content, ScriptRequest request, out Storyboard? storyboard)
    {
        storyboard = null;
        StoryboardReply? reply;
        try
        {
            reply = JsonSerializer.Deserialize<StoryboardReply>(StripFences(content), Json);
        }
        catch (JsonException)
        {
            return StoredText.Of("it is not valid JSON.");
        }

        var count = request.Template.SegmentCount;
        var budget = NarrationBudget.MaxCharacters(request.Template.SegmentSeconds);
        if (reply?.Scenes is null || reply.Scenes.Count != count)
        {
            return StoredText.Of("it must have exactly {0} scenes, it has {1}.", count, reply?.Scenes?.Count ?? 0);
        }

        var hook = reply.Hook?.Trim() ?? string.Empty;
        var call = reply.CallToAction?.Trim() ?? string.Empty;
        if (hook.Length is 0 or > MaxLineLength || call.Length is 0 or > MaxLineLength)
        {
            return StoredText.Of("hook and callToAction must each be 1 to {0} characters.", MaxLineLength);
        }

        var scenes = new List<StoryboardScene>(count);
        for (var i = 0; i < count; i++)
        {
            var prompt = reply.Scenes[i]?.Prompt?.Trim() ?? string.Empty;
            var narration = reply.Scenes[i]?.Narration?.Trim() ?? string.Empty;
            if (prompt.Length is 0 or > MaxPromptLength)
            {
                return StoredText.Of("scene {0}'s prompt must be 1 to {1} characters, it has {2}.", i + 1, MaxPromptLength, prompt.Length);
            }

            if (narration.Length is 0 or > Segment.MaxNarrationLength || narration.Length > budget)
            {
                return StoredText.Of("scene {0}'s narration must be 1 to {1} characters, it has {2}.", i + 1, budget, narration.Length);
            }

            scenes.Add(new StoryboardScene(prompt, narration));
        }

        storyboard = new Storyboard(hook, scenes, call);
        return null;
    }

    private static string StripFences(string content)
    {
        var text = content.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal))
        {
            return text;
        }

        var start = text.IndexOf('\n', StringComparison.Ordinal);
        var end = text.LastIndexOf("```", StringComparison.Ordinal);
        return start > 0 && end > start ? text[(start + 1)..end] : text;
    }

    /// <summary>Our sentence for a refusal; the server's own message, when it sent one, is kept as written inside it.</summary>
    private static async Task<StoredText> DescribeErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        OpenAiError? error = null;
        try
        {
            error = (await response.Content.ReadFromJsonAsync<OpenAiErrorEnvelope>(Json, ct).ConfigureAwait(false))?.Error;
        }
        catch (JsonException)
        {
            // Not the OpenAI envelope: the status says enough.
        }

        var status = (int)response.StatusCode;
        return status switch
        {
            401 or 403 => StoredText.Of("The chat model refused the API key (Studio:ScriptWriter:Chat:ApiKey)."),
            429 when error?.Code == "insufficient_quota" => StoredText.Of("The chat model's quota is spent."),
            429 => StoredText.Of("The chat model is rate limiting Studio; try again in a minute."),
            _ => error?.Message is { Length: > 0 } m
                ? StoredText.Of("The chat model answered {0}: {1}", status, Shorten(m))
                : StoredText.Of("The chat model answered {0}.", status),
        };
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..199] + "…";

    private static JsonObject ResponseFormat(ScriptRequest request, bool schema)
    {
        if (!schema)
        {
            return new JsonObject { ["type"] = "json_object" };
        }

        var count = request.Template.SegmentCount;
        JsonObject Text() => new() { ["type"] = "string" };
        return new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject
            {
                ["name"] = "storyboard",
                ["strict"] = true,
                ["schema"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["hook"] = Text(),
                        ["scenes"] = new JsonObject
                        {
                            ["type"] = "array",
                            ["minItems"] = count,
                            ["maxItems"] = count,
                            ["items"] = new JsonObject
                            {
                                ["type"] = "object",
                                ["properties"] = new JsonObject { ["prompt"] = Text(), ["narration"] = Text() },
                                ["required"] = new JsonArray("prompt", "narration"),
                                ["additionalProperties"] = false,
                            },
                        },
                        ["callToAction"] = Text(),
                    },
                    ["required"] = new JsonArray("hook", "scenes", "callToAction"),
                    ["additionalProperties"] = false,
                },
            },
        };
    }

    private static string SystemPrompt(ScriptRequest request)
    {
        var template = request.Template;
        var language = request.Language == NarrationLanguages.French ? "French" : "English";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            You write storyboards for short vertical marketing videos. Reply with one JSON object only:
            {"hook": string, "scenes": [{"prompt": string, "narration": string}], "callToAction": string}.
            Rules: exactly {{template.SegmentCount}} scenes, one per {{template.SegmentSeconds}}-second segment, in order.
            "prompt": what the clip shows, in English, for a text-to-video model, at most {{MaxPromptLength}} characters, no on-screen text.
            "narration": one spoken line in {{language}}, at most {{NarrationBudget.MaxCharacters(template.SegmentSeconds)}} characters so it can be said in {{template.SegmentSeconds}} seconds.
            Scene 1's narration is the hook; the last scene's narration is the call to action. "hook" and "callToAction" repeat those lines.
            """);
    }

    private static string UserPrompt(ScriptRequest request)
    {
        var template = request.Template;
        var text = new StringBuilder()
            .Append("Theme: ").Append(request.Theme).Append('\n')
            .Append("Template: ").Append(template.Name).Append(" — ").Append(template.Description).Append('\n')
            .Append("Visual style: ").Append(template.StylePrompt).Append('\n')
            .Append("Structure of the segments:\n");
        for (var i = 0; i < template.SegmentCount; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}. {OfflineScriptWriter.Prompt(template, request.Theme, i)}\n");
        }

        return text.ToString();
    }

    [LoggerMessage(LogLevel.Warning, "The chat model's storyboard (attempt {Attempt}) was unusable: {Problem}")]
    private static partial void LogBadReply(ILogger logger, int attempt, string problem);
}
