using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Studio.Providers.OpenAi;

/// <summary>Body of <c>POST /v1/chat/completions</c>.</summary>
internal sealed record ChatRequest(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages,
    [property: JsonPropertyName("temperature")] double Temperature,
    [property: JsonPropertyName("max_tokens")] int MaxTokens,
    [property: JsonPropertyName("response_format")] JsonObject ResponseFormat);

/// <summary>One message of a chat.</summary>
internal sealed record ChatMessage(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string? Content);

/// <summary>The parts of a chat completion Studio reads.</summary>
internal sealed record ChatResponse([property: JsonPropertyName("choices")] IReadOnlyList<ChatChoice>? Choices);

/// <summary>One choice of a completion.</summary>
internal sealed record ChatChoice(
    [property: JsonPropertyName("message")] ChatReplyMessage? Message,
    [property: JsonPropertyName("finish_reason")] string? FinishReason);

/// <summary>The assistant's message: JSON as a string in <c>content</c>, or a <c>refusal</c>.</summary>
internal sealed record ChatReplyMessage(
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("refusal")] string? Refusal);

/// <summary>The storyboard the model is asked to return.</summary>
internal sealed record StoryboardReply(
    [property: JsonPropertyName("hook")] string? Hook,
    [property: JsonPropertyName("scenes")] IReadOnlyList<SceneReply?>? Scenes,
    [property: JsonPropertyName("callToAction")] string? CallToAction);

/// <summary>One scene of the reply.</summary>
internal sealed record SceneReply(
    [property: JsonPropertyName("prompt")] string? Prompt,
    [property: JsonPropertyName("narration")] string? Narration);

/// <summary>OpenAI's error envelope: <c>{"error":{"message","type","param","code"}}</c>.</summary>
internal sealed record OpenAiErrorEnvelope([property: JsonPropertyName("error")] OpenAiError? Error);

/// <summary>The error itself.</summary>
internal sealed record OpenAiError(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("code")] string? Code);
