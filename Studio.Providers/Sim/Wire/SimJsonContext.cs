using System.Text.Json.Serialization;

namespace Studio.Providers.Sim.Wire;

/// <summary>The simulator protocol's JSON (snake_case), generated at compile time; shared by the server and the client.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(SimCreateRequest))]
[JsonSerializable(typeof(SimGeneration))]
[JsonSerializable(typeof(SimGenerationList))]
[JsonSerializable(typeof(SimErrorResponse))]
[JsonSerializable(typeof(SimStats))]
public sealed partial class SimJsonContext : JsonSerializerContext;
