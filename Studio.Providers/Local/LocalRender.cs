using Studio.Core.Common;
using Studio.Core.Providers;

namespace Studio.Providers.Local;

/// <summary>One clip the local provider is making (or has made), as the registry keeps it.</summary>
internal sealed class LocalRender : IProgress<double>, IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _cancellation = new();
    private ProviderJobStatus _status = ProviderJobStatus.Queued;
    private bool _disposed;

    /// <summary>Creates a queued render.</summary>
    public LocalRender(string id, string directory)
    {
        Id = id;
        Directory = directory;
    }

    /// <summary>The provider job id.</summary>
    public string Id { get; }

    /// <summary>The render's own scratch folder; everything it writes goes here.</summary>
    public string Directory { get; }

    /// <summary>The finished clip.</summary>
    public string OutputFile => Path.Combine(Directory, "clip.mp4");

    /// <summary>Stops the render when cancelled.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>The background task that renders; completes (never faults) when the render ends.</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>When it succeeded or failed, else null.</summary>
    public DateTimeOffset? FinishedAt
    {
        get
        {
            lock (_gate)
            {
                return field;
            }
        }

        private set;
    }

    /// <summary>Where it stands.</summary>
    public ProviderJobStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>Moves to Running and records progress (0 to 1); ignored once the render has ended.</summary>
    public void Report(double value)
    {
        lock (_gate)
        {
            if (_status.State is ProviderJobState.Queued or ProviderJobState.Running)
            {
                _status = ProviderJobStatus.Running(value);
            }
        }
    }

    /// <summary>Records success.</summary>
    public void Succeed(DateTimeOffset now) => End(ProviderJobStatus.Succeeded, now);

    /// <summary>Records failure.</summary>
    public void Fail(string error, bool permanent, DateTimeOffset now) => End(ProviderJobStatus.Failed(error, permanent), now);

    /// <summary>Ends the render as failed with one of our sentences (worded in the reader's language when stored).</summary>
    public void Fail(StoredText error, bool permanent, DateTimeOffset now) => End(ProviderJobStatus.Failed(error, permanent), now);

    /// <summary>Asks the render to stop; nothing happens once it is disposed.</summary>
    public void Cancel()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _cancellation.Cancel();
            }
        }
    }

    /// <summary>Releases the cancellation source; call once the render has ended and left the registry.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _cancellation.Dispose();
        }
    }

    private void End(ProviderJobStatus status, DateTimeOffset now)
    {
        lock (_gate)
        {
            _status = status;
            FinishedAt = now;
        }
    }
}
