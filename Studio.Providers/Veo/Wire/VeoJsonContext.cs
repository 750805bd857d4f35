using System.Text.Json.Serialization;

namespace Studio.Providers.Veo.Wire;

/// <summary>The Gemini API's JSON (camelCase; absent values omitted), generated at compile time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(VeoPredictRequest))]
[JsonSerializable(typeof(VeoOperation))]
[JsonSerializable(typeof(VeoErrorResponse))]
public sealed partial class VeoJsonContext : JsonSerializerContext;
