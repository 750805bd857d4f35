using System.Text.Json.Serialization;

namespace Studio.Providers.Luma.Wire;

/// <summary>Luma's JSON (snake_case, nulls left out of requests), generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LumaCreateRequest))]
[JsonSerializable(typeof(LumaGeneration))]
public sealed partial class LumaJsonContext : JsonSerializerContext;
