using System.Net;
using Studio.Providers.Pika.Wire;

namespace Studio.Providers.Pika;

/// <summary>What <c>GET {response_url}</c> said about a completed request: its output, or the model's error.</summary>
/// <param name="Status">The HTTP status (200 for an output; the model's error status otherwise, e.g. 422 or 500).</param>
/// <param name="Output">The output, when the status is a success.</param>
/// <param name="Error">What fal said, when it is not.</param>
public sealed record PikaResult(HttpStatusCode Status, PikaOutput? Output, string? Error)
{
    /// <summary>True when the request made its clip.</summary>
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
