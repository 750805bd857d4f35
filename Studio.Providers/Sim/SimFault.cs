namespace Studio.Providers.Sim;

/// <summary>A transient fault the simulator can answer a request with.</summary>
public enum SimFault
{
    /// <summary>429 with a <c>Retry-After</c> header (<see cref="SimProviderOptions.RetryAfterSeconds"/>); nothing is done.</summary>
    RateLimited,

    /// <summary>500. On a submission the generation is created first and only the answer is lost.</summary>
    ServerError,

    /// <summary>503; nothing is done.</summary>
    Unavailable,

    /// <summary>
    /// The request is held for <see cref="SimProviderOptions.TimeoutFaultHold"/> (longer than the client waits), then
    /// answered 504. On a submission the generation is created first.
    /// </summary>
    Timeout,
}
