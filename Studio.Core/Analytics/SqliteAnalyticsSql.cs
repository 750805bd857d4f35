namespace Studio.Core.Analytics;

/// <summary>SQLite's analytics SQL: date() over Unix seconds, SUM over comparisons, money (TEXT) summed as REAL.</summary>
internal sealed class SqliteAnalyticsSql : IAnalyticsSql
{
    // Only Studio's own constants are spliced in; every value is a parameter.
    public string JobsPerDay { get; } =
        $"SELECT {StoredTime.Start("CreatedAt", "day")} AS Day, COUNT(*) AS Jobs FROM Jobs WHERE OwnerId = {{0}} AND CreatedAt >= {{1}} GROUP BY Day";

    public string Finished { get; } = $$"""
            SELECT COALESCE(SUM(Status = 'Completed'), 0) AS Completed, COALESCE(SUM(Status = 'Failed'), 0) AS Failed,
                   AVG(CASE WHEN Status = 'Completed' THEN (FinishedAt - COALESCE(StartedAt, CreatedAt)) * 1.0 / {{StoredTime.PerSecond}} END) AS AverageSeconds
            FROM Jobs WHERE OwnerId = {0} AND FinishedAt >= {1}
            """;

    public string JobsPerPeriod(string unit, bool oneOwner) => $$"""
            SELECT {{StoredTime.Start("FinishedAt", unit)}} AS Start,
                   COALESCE(SUM(Status = 'Completed'), 0) AS Completed, COALESCE(SUM(Status = 'Failed'), 0) AS Failed,
                   AVG(CASE WHEN Status = 'Completed' THEN (FinishedAt - COALESCE(StartedAt, CreatedAt)) * 1.0 / {{StoredTime.PerSecond}} END) AS AverageSeconds
            FROM Jobs WHERE FinishedAt >= {0} {{(oneOwner ? "AND OwnerId = {1}" : string.Empty)}}
            GROUP BY Start
            """;

    // Money is stored as TEXT; summed as REAL (the caller rounds back to 1/10000 of a dollar).
    public string SpendPerProvider(string unit, bool oneOwner) => $$"""
            SELECT {{StoredTime.Start("c.At", unit)}} AS Start, c.Provider AS Name, SUM(CAST(c.AmountUsd AS REAL)) AS Amount, COUNT(DISTINCT c.JobId) AS Jobs
            FROM Costs c WHERE c.At >= {0} {{(oneOwner ? "AND c.OwnerId = {1}" : string.Empty)}}
            GROUP BY Start, Name
            """;

    public string SpendPerTemplate(string unit, bool oneOwner) => $$"""
            SELECT {{StoredTime.Start("c.At", unit)}} AS Start, COALESCE(j.TemplateName, '{{AnalyticsQueries.DeletedJob}}') AS Name, SUM(CAST(c.AmountUsd AS REAL)) AS Amount, COUNT(DISTINCT c.JobId) AS Jobs
            FROM Costs c LEFT JOIN Jobs j ON j.Id = c.JobId WHERE c.At >= {0} {{(oneOwner ? "AND c.OwnerId = {1}" : string.Empty)}}
            GROUP BY Start, Name
            """;
}
