using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Orchestration;

/// <summary>How the generation workers behave, under <c>Studio:Workers</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Workers";

    /// <summary>Jobs worked on at once by this process. Default 2.</summary>
    [Range(1, 64)]
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Segment generations running at once in this process, over all jobs. Default 2 (one per core for the local provider).</summary>
    [Range(1, 256)]
    public int MaxConcurrentSegments { get; set; } = 2;

    /// <summary>How long a worker's claim on a job holds without renewal. Default 60 s; renewed every third of it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an idle worker looks for queued jobs when no signal wakes it. Default 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First wait between two status polls of a provider job; doubles up to <see cref="MaxStatusPoll"/>. Default 250 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan StatusPoll { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait between two status polls. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan MaxStatusPoll { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Generations started for one segment before it is declared failed. Default 3.</summary>
    [Range(1, 20)]
    public int MaxAttemptsPerSegment { get; set; } = 3;
}
