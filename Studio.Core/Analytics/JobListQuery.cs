using Studio.Core.Jobs;

namespace Studio.Core.Analytics;

/// <summary>One page of a user's job list: which page, how big, in which order, narrowed how.</summary>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page, 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="Sort">The order. Default <see cref="JobSort.Created"/>.</param>
/// <param name="Descending">True for largest/newest first. Default true.</param>
/// <param name="Status">Only jobs in this status; null for all. Default null.</param>
/// <param name="Search">Only jobs whose title contains this text (case-insensitive for ASCII); null or blank for all.</param>
public sealed record JobListQuery(
    int Page = 1,
    int PageSize = 10,
    JobSort Sort = JobSort.Created,
    bool Descending = true,
    JobStatus? Status = null,
    string? Search = null)
{
    /// <summary>Largest page served.</summary>
    public const int MaxPageSize = 100;
}
