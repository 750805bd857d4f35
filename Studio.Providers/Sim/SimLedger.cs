using Studio.Providers.Sim.Wire;

namespace Studio.Providers.Sim;

/// <summary>The simulator's generations and counters (thread-safe).</summary>
internal sealed class SimLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, int> _bySegment = [];
    private readonly Dictionary<string, int> _byReference = new(StringComparer.Ordinal);
    private readonly List<(long Count, TaskCompletionSource Reached)> _requestWaiters = [];
    private long _requests;
    private int _submissions;

    public long TotalRequests => Interlocked.Read(ref _requests);

    public int TotalSubmissions
    {
        get
        {
            lock (_gate)
            {
                return _submissions;
            }
        }
    }

    public void CountRequest()
    {
        var count = Interlocked.Increment(ref _requests);
        lock (_gate)
        {
            for (var i = _requestWaiters.Count - 1; i >= 0; i--)
            {
                if (_requestWaiters[i].Count <= count)
                {
                    _requestWaiters[i].Reached.TrySetResult();
                    _requestWaiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests have been received.</summary>
    public Task WhenRequestsReach(long count)
    {
        lock (_gate)
        {
            if (TotalRequests >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _requestWaiters.Add((count, reached));
            return reached.Task;
        }
    }

    /// <summary>Records a new generation: this is what a paid provider bills.</summary>
    public void Add(SimJob job)
    {
        lock (_gate)
        {
            _jobs.Add(job.Id, job);
            _submissions++;
            if (job.Request.SegmentId is { } segment)
            {
                _bySegment[segment] = _bySegment.GetValueOrDefault(segment) + 1;
            }

            if (job.Request.ClientReference is { } reference)
            {
                _byReference[reference] = _byReference.GetValueOrDefault(reference) + 1;
            }
        }
    }

    /// <summary>Runs <paramref name="action"/> on the generation under the lock; null when there is no such generation.</summary>
    public T? With<T>(string id, Func<SimJob, T> action)
        where T : class
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(id, out var job) ? action(job) : null;
        }
    }

    /// <summary>The generations with that client reference (all of them when null), newest first.</summary>
    public List<SimGeneration> List(string? reference)
    {
        lock (_gate)
        {
            return [.. _jobs.Values
                .Where(j => reference is null || string.Equals(j.Request.ClientReference, reference, StringComparison.Ordinal))
                .OrderByDescending(j => j.CreatedAt)
                .ThenByDescending(j => j.Id, StringComparer.Ordinal)
                .Select(j => j.ToWire())];
        }
    }

    public int SubmissionsFor(Guid segmentId)
    {
        lock (_gate)
        {
            return _bySegment.GetValueOrDefault(segmentId);
        }
    }

    public int SubmissionsForReference(string reference)
    {
        lock (_gate)
        {
            return _byReference.GetValueOrDefault(reference);
        }
    }

    public SimStats Stats()
    {
        lock (_gate)
        {
            return new SimStats(
                TotalRequests,
                _submissions,
                _bySegment.ToDictionary(p => p.Key.ToString("D"), p => p.Value, StringComparer.Ordinal),
                new Dictionary<string, int>(_byReference, StringComparer.Ordinal));
        }
    }
}
