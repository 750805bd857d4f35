using Studio.Core.Jobs;

namespace Studio.Core.Admin;

/// <summary>Which jobs of all users an admin wants to see, and in which order.</summary>
/// <param name="Status">Only jobs in this status; null for every status. Default null.</param>
/// <param name="Owner">Only jobs whose owner's e-mail contains this text (any case); null or blank for everyone. Default null.</param>
/// <param name="Title">Only jobs whose title contains this text (any case); null or blank for every title. Default null.</param>
/// <param name="Sort">The order. Default <see cref="AdminJobSort.Created"/>.</param>
/// <param name="Descending">True for largest, newest or last first. Default true.</param>
public sealed record AdminJobQuery(
    JobStatus? Status = null,
    string? Owner = null,
    string? Title = null,
    AdminJobSort Sort = AdminJobSort.Created,
    bool Descending = true);
