namespace Studio.Providers.Sim.Wire;

/// <summary>The values of <see cref="SimError.Code"/>.</summary>
public static class SimErrorCodes
{
    /// <summary>The body is not a valid submission (400; permanent).</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The prompt was refused (400, or a failed generation; permanent).</summary>
    public const string ContentPolicy = "content_policy";

    /// <summary>Missing or wrong API key (401).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>No such generation or route (404).</summary>
    public const string NotFound = "not_found";

    /// <summary>The content was asked for before the generation succeeded (409).</summary>
    public const string NotReady = "not_ready";

    /// <summary>Too many requests (429, with Retry-After).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>Something broke inside the simulator (500, or a failed generation; transient).</summary>
    public const string InternalError = "internal_error";

    /// <summary>The simulator is down or overloaded (503).</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The answer took too long (504).</summary>
    public const string Timeout = "timeout";

    /// <summary>The generation was cancelled.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>True for codes that say trying again would fail the same way.</summary>
    public static bool IsPermanent(string? code) => code is InvalidRequest or ContentPolicy or Cancelled;
}
