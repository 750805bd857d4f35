namespace Studio.Providers.Pika.Wire;

/// <summary>The values of <see cref="FalQueueStatus.Status"/>.</summary>
public static class FalStatuses
{
    /// <summary>Waiting in fal's queue.</summary>
    public const string InQueue = "IN_QUEUE";

    /// <summary>Running on a fal runner.</summary>
    public const string InProgress = "IN_PROGRESS";

    /// <summary>Finished — successfully or not: the result call tells which.</summary>
    public const string Completed = "COMPLETED";

    /// <summary>Answer of a cancellation of a finished request (HTTP 400).</summary>
    public const string AlreadyCompleted = "ALREADY_COMPLETED";
}
