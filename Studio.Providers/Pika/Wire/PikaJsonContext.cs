using System.Text.Json.Serialization;

namespace Studio.Providers.Pika.Wire;

/// <summary>fal's and Pika's JSON (snake_case), generated at compile time.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(PikaTextToVideoRequest))]
[JsonSerializable(typeof(PikaImageToVideoRequest))]
[JsonSerializable(typeof(FalQueueSubmission))]
[JsonSerializable(typeof(FalQueueStatus))]
[JsonSerializable(typeof(PikaOutput))]
[JsonSerializable(typeof(FalError))]
[JsonSerializable(typeof(FalCancellation))]
public sealed partial class PikaJsonContext : JsonSerializerContext;
