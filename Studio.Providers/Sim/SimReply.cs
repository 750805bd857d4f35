using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Studio.Providers.Sim.Wire;

namespace Studio.Providers.Sim;

/// <summary>An answer of the simulator, before it is written to the wire.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Body">The body, possibly empty.</param>
/// <param name="ContentType">Its media type, or null when there is no body.</param>
internal sealed record SimReply(int Status, byte[] Body, string? ContentType)
{
    /// <summary>Seconds for a <c>Retry-After</c> header, or null.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static SimReply NoContent { get; } = new(204, [], null);

    public static SimReply Json<T>(int status, T value, JsonTypeInfo<T> type) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(value, type), "application/json");

    public static SimReply Error(int status, string code, string message) =>
        Json(status, new SimErrorResponse(new SimError(message, code)), SimJsonContext.Default.SimErrorResponse);

    public static SimReply Fault(SimFault fault, int retryAfterSeconds) => fault switch
    {
        SimFault.RateLimited => Error(429, SimErrorCodes.RateLimited, "Too many requests (simulated); wait as Retry-After says.")
            with { RetryAfterSeconds = retryAfterSeconds },
        SimFault.Unavailable => Error(503, SimErrorCodes.Unavailable, "The simulator is overloaded (simulated); try again later."),
        SimFault.Timeout => Error(504, SimErrorCodes.Timeout, "The simulator took too long to answer (simulated)."),
        _ => Error(500, SimErrorCodes.InternalError, "The simulator failed (simulated)."),
    };

    public override string ToString() => Status.ToString(CultureInfo.InvariantCulture);
}
