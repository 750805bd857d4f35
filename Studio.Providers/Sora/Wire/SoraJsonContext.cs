using System.Text.Json.Serialization;

namespace Studio.Providers.Sora.Wire;

/// <summary>OpenAI's video JSON (snake_case), generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SoraCreateRequest))]
[JsonSerializable(typeof(SoraVideo))]
[JsonSerializable(typeof(SoraErrorResponse))]
public sealed partial class SoraJsonContext : JsonSerializerContext;
