using Studio.Providers.Sim.Wire;

namespace Studio.Providers.Sim;

/// <summary>
/// One generation inside the simulator. It moves on only when polled: queued at the first poll, running with rising
/// progress, and done after <see cref="SimProviderOptions.PollsBeforeDone"/> polls. Not thread-safe: the
/// <see cref="SimLedger"/> guards it.
/// </summary>
internal sealed class SimJob
{
    private int _polls;

    public SimJob(string id, SimCreateRequest request, DateTimeOffset createdAt, bool failsAtProvider)
    {
        Id = id;
        Request = request;
        CreatedAt = createdAt;
        FailsAtProvider = failsAtProvider;
    }

    public string Id { get; }

    public SimCreateRequest Request { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Ends as failed (transient) instead of succeeded.</summary>
    public bool FailsAtProvider { get; }

    public string Status { get; private set; } = SimStatuses.Queued;

    public double Progress { get; private set; }

    public SimError? Error { get; private set; }

    public bool IsFinished => Status is SimStatuses.Succeeded or SimStatuses.Failed or SimStatuses.Cancelled;

    /// <summary>Counts a status poll and moves the generation on.</summary>
    public void Poll(int pollsBeforeDone)
    {
        if (IsFinished)
        {
            return;
        }

        _polls++;
        if (_polls > pollsBeforeDone)
        {
            if (FailsAtProvider)
            {
                Status = SimStatuses.Failed;
                Progress = 0;
                Error = new SimError("The simulator lost this generation on its render farm (simulated failure); try again.", SimErrorCodes.InternalError);
            }
            else
            {
                Status = SimStatuses.Succeeded;
                Progress = 1;
            }
        }
        else if (_polls > 1)
        {
            Status = SimStatuses.Running;
            Progress = (_polls - 1) / (double)pollsBeforeDone;
        }
    }

    /// <summary>Stops a generation that has not finished; a finished one stays as it is.</summary>
    public void Cancel()
    {
        if (!IsFinished)
        {
            Status = SimStatuses.Cancelled;
            Error = new SimError("The generation was cancelled.", SimErrorCodes.Cancelled);
        }
    }

    public SimGeneration ToWire() => new(
        Id,
        Status,
        Progress,
        Error,
        Request.ClientReference,
        Request.SegmentId,
        Request.Width,
        Request.Height,
        Request.DurationSeconds,
        CreatedAt);
}
