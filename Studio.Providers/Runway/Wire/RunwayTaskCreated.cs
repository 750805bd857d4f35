namespace Studio.Providers.Runway.Wire;

/// <summary>The answer to a create call: only the task's id.</summary>
/// <param name="Id">The task id (a UUID): Studio's provider job id.</param>
public sealed record RunwayTaskCreated(string? Id);
