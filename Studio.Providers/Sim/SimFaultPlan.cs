namespace Studio.Providers.Sim;

/// <summary>
/// Decides which requests fail and how: faults queued by a test come first, in order; then faults drawn from one
/// random sequence seeded by <see cref="SimProviderOptions.Seed"/> (thread-safe; the same requests in the same order
/// meet the same faults).
/// </summary>
internal sealed class SimFaultPlan(SimProviderOptions options)
{
    /// <summary>A prompt containing this is always refused.</summary>
    public const string RefuseMarker = "[refuse]";

    private readonly Lock _gate = new();
    private readonly Queue<SimFault> _queued = new();
#pragma warning disable CA5394 // Fault injection needs a repeatable sequence, not secrecy.
    private readonly Random _random = new(options.Seed);
#pragma warning restore CA5394

    public void Enqueue(IEnumerable<SimFault> faults)
    {
        lock (_gate)
        {
            foreach (var fault in faults)
            {
                _queued.Enqueue(fault);
            }
        }
    }

    /// <summary>The fault this request meets, or null.</summary>
    public SimFault? NextFault()
    {
        lock (_gate)
        {
            if (_queued.TryDequeue(out var queued))
            {
                return queued;
            }

            if (!Draw(options.TransientFailureRate))
            {
                return null;
            }

            var kinds = options.TransientFaults.Count > 0 ? options.TransientFaults : Enum.GetValues<SimFault>();
#pragma warning disable CA5394
            return kinds[_random.Next(kinds.Count)];
#pragma warning restore CA5394
        }
    }

    /// <summary>True when this submission is refused for its content.</summary>
    public bool Refuses(string prompt)
    {
        if (prompt.Contains(RefuseMarker, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        lock (_gate)
        {
            return Draw(options.PermanentFailureRate);
        }
    }

    /// <summary>True when this accepted generation will end as failed.</summary>
    public bool FailsAtProvider()
    {
        lock (_gate)
        {
            return Draw(options.AsyncFailureRate);
        }
    }

    private bool Draw(double rate) => rate switch
    {
        <= 0 => false,
        >= 1 => true,
#pragma warning disable CA5394
        _ => _random.NextDouble() < rate,
#pragma warning restore CA5394
    };
}
