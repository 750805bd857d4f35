using Studio.Core.Jobs;

namespace Studio.Core.Events;

/// <summary>Something about a job changed and is committed to the database; read the job to see what.</summary>
/// <param name="JobId">The job.</param>
/// <param name="OwnerId">Its owner.</param>
/// <param name="Status">Its status after the change, as the publisher knew it.</param>
/// <param name="SegmentIndex">The segment that changed, or null for the job itself.</param>
/// <param name="At">When the change was made (just before it was saved); a subscriber's delay from it covers the save and the delivery.</param>
public sealed record JobChanged(Guid JobId, string OwnerId, JobStatus Status, int? SegmentIndex, DateTimeOffset At);
