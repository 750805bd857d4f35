using System.Text.Json.Serialization;

namespace Studio.Providers.Runway.Wire;

/// <summary>Runway's JSON (camelCase; absent values omitted), generated at compile time.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(RunwayImageToVideoRequest))]
[JsonSerializable(typeof(RunwayTextToVideoRequest))]
[JsonSerializable(typeof(RunwayVideoToVideoRequest))]
[JsonSerializable(typeof(RunwayTaskCreated))]
[JsonSerializable(typeof(RunwayTask))]
[JsonSerializable(typeof(RunwayErrorResponse))]
public sealed partial class RunwayJsonContext : JsonSerializerContext;
