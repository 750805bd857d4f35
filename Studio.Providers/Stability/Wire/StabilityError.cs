namespace Studio.Providers.Stability.Wire;

/// <summary>Stability's error body on every v2beta route: <c>{"id": "&lt;trace id&gt;", "name": "bad_request", "errors": ["image: …"]}</c>.</summary>
/// <param name="Id">Stability's trace id for the error.</param>
/// <param name="Name">The error's kind, e.g. "bad_request", "content_moderation".</param>
/// <param name="Errors">What went wrong, in Stability's words.</param>
public sealed record StabilityError(string? Id, string? Name, IReadOnlyList<string>? Errors)
{
    /// <summary>The <see cref="Name"/> of a moderation refusal (HTTP 403).</summary>
    public const string ContentModeration = "content_moderation";

    /// <summary>The errors joined in one line; null when there are none.</summary>
    public string? Message() => Errors is { Count: > 0 } errors ? string.Join("; ", errors) : null;
}
