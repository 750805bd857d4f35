namespace Studio.Providers.Veo.Wire;

/// <summary>A <c>google.rpc.Status</c>: an operation's error, or the <c>error</c> of an HTTP error answer.</summary>
/// <param name="Code">The code: an rpc code in an operation (3 = INVALID_ARGUMENT), the HTTP status in an answer.</param>
/// <param name="Message">What went wrong, in words.</param>
/// <param name="Status">The code's name, e.g. "INVALID_ARGUMENT", "RESOURCE_EXHAUSTED" (may be absent in an operation).</param>
/// <param name="Details">Typed details; an <c>ErrorInfo</c> carries a <c>reason</c> such as "API_KEY_INVALID".</param>
public sealed record VeoStatus(int? Code, string? Message, string? Status, IReadOnlyList<VeoErrorDetail>? Details);
