namespace Studio.Providers.Sora.Wire;

/// <summary>The values of a video's <c>status</c>.</summary>
public static class SoraStatuses
{
    /// <summary>Waiting.</summary>
    public const string Queued = "queued";

    /// <summary>Being made; <c>progress</c> is a percentage.</summary>
    public const string InProgress = "in_progress";

    /// <summary>Done: the content can be downloaded until <c>expires_at</c>.</summary>
    public const string Completed = "completed";

    /// <summary>Failed: <c>error</c> says why.</summary>
    public const string Failed = "failed";
}
