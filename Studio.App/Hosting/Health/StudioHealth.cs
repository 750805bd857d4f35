namespace Studio.App.Hosting.Health;

/// <summary>The health endpoints' names and tags, for whoever adds a check (Redis, object storage…).</summary>
internal static class StudioHealth
{
    /// <summary>Checks with this tag decide <c>/health/ready</c>: <c>AddCheck&lt;T&gt;("name", tags: [StudioHealth.Ready])</c>.</summary>
    public const string Ready = "ready";

    /// <summary>The process is up (no check runs): Docker's HEALTHCHECK, a liveness probe.</summary>
    public const string LivePath = "/health/live";

    /// <summary>Every <see cref="Ready"/> check passes: the process can take traffic or work.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>The original endpoint, kept as it was (no check runs).</summary>
    public const string Path = "/health";
}
