using Studio.Core.Common;

namespace Studio.Core.Orchestration;

/// <summary>Wakes idle workers when a job is queued, so that a start is picked up at once rather than at the next poll.</summary>
public sealed class JobQueueSignal : WakeSignal;
