namespace Studio.Core.Analytics;

/// <summary>One page of rows and how many rows match in all.</summary>
public sealed record JobListPage(IReadOnlyList<JobListRow> Rows, int Total);
