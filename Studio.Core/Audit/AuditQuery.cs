namespace Studio.Core.Audit;

/// <summary>Which audit entries an admin wants to read. Every part left null or blank matches everything.</summary>
/// <param name="ActorId">Only entries of this user id, exactly. Default null.</param>
/// <param name="Actor">Only entries whose actor's e-mail contains this text (any case), or whose actor id is exactly it. Default null.</param>
/// <param name="Action">Only entries of this action, exactly (e.g. "job.cancel"). Default null.</param>
/// <param name="From">Only entries at or after this moment. Default null.</param>
/// <param name="To">Only entries before this moment (exclusive). Default null.</param>
/// <param name="Text">Only entries whose action, target or detail contains this text (any case for ASCII). Default null.</param>
public sealed record AuditQuery(
    string? ActorId = null,
    string? Actor = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Text = null)
{
    /// <summary>True when some part narrows the entries.</summary>
    public bool IsFiltered =>
        !string.IsNullOrWhiteSpace(ActorId) || !string.IsNullOrWhiteSpace(Actor) || !string.IsNullOrWhiteSpace(Action)
        || From is not null || To is not null || !string.IsNullOrWhiteSpace(Text);
}
