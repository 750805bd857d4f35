using System.Text.Json.Serialization;

namespace Studio.Providers.Stability.Wire;

/// <summary>Stability's JSON (snake_case), generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(StabilityGeneration))]
[JsonSerializable(typeof(StabilityError))]
public sealed partial class StabilityJsonContext : JsonSerializerContext;
