namespace Studio.Core.Analytics;

/// <summary>
/// PostgreSQL's analytics SQL, answering the same figures as <see cref="SqliteAnalyticsSql"/>: names quoted (EF Core
/// creates them with capitals), dates through to_timestamp/date_trunc in UTC (weeks from Monday, as there), counts as
/// CASE sums cast to integer, money (numeric) and averages cast to double precision, grouped by position.
/// </summary>
internal sealed class PostgreSqlAnalyticsSql : IAnalyticsSql
{
    private const string AverageSeconds =
        "AVG(CASE WHEN \"Status\" = 'Completed' THEN (\"FinishedAt\" - COALESCE(\"StartedAt\", \"CreatedAt\")) * 1.0 / {0} END)::double precision AS \"AverageSeconds\"";

    private const string Counts =
        "COALESCE(SUM(CASE WHEN \"Status\" = 'Completed' THEN 1 ELSE 0 END), 0)::int AS \"Completed\", COALESCE(SUM(CASE WHEN \"Status\" = 'Failed' THEN 1 ELSE 0 END), 0)::int AS \"Failed\"";

    private static readonly string Average = AverageSeconds.Replace("{0}", StoredTime.PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    // Only Studio's own constants are spliced in; every value is a parameter.
    public string JobsPerDay { get; } =
        $"SELECT {StoredTime.PostgreSqlStart("\"CreatedAt\"", "day")} AS \"Day\", COUNT(*)::int AS \"Jobs\" FROM \"Jobs\" WHERE \"OwnerId\" = {{0}} AND \"CreatedAt\" >= {{1}} GROUP BY 1";

    public string Finished { get; } = $$"""
            SELECT {{Counts}}, {{Average}}
            FROM "Jobs" WHERE "OwnerId" = {0} AND "FinishedAt" >= {1}
            """;

    public string JobsPerPeriod(string unit, bool oneOwner) => $$"""
            SELECT {{StoredTime.PostgreSqlStart("\"FinishedAt\"", unit)}} AS "Start", {{Counts}}, {{Average}}
            FROM "Jobs" WHERE "FinishedAt" >= {0} {{(oneOwner ? "AND \"OwnerId\" = {1}" : string.Empty)}}
            GROUP BY 1
            """;

    public string SpendPerProvider(string unit, bool oneOwner) => $$"""
            SELECT {{StoredTime.PostgreSqlStart("c.\"At\"", unit)}} AS "Start", c."Provider" AS "Name", SUM(c."AmountUsd")::double precision AS "Amount", COUNT(DISTINCT c."JobId")::int AS "Jobs"
            FROM "Costs" c WHERE c."At" >= {0} {{(oneOwner ? "AND c.\"OwnerId\" = {1}" : string.Empty)}}
            GROUP BY 1, 2
            """;

    public string SpendPerTemplate(string unit, bool oneOwner) => $$"""
            SELECT {{StoredTime.PostgreSqlStart("c.\"At\"", unit)}} AS "Start", COALESCE(j."TemplateName", '{{AnalyticsQueries.DeletedJob}}') AS "Name", SUM(c."AmountUsd")::double precision AS "Amount", COUNT(DISTINCT c."JobId")::int AS "Jobs"
            FROM "Costs" c LEFT JOIN "Jobs" j ON j."Id" = c."JobId" WHERE c."At" >= {0} {{(oneOwner ? "AND c.\"OwnerId\" = {1}" : string.Empty)}}
            GROUP BY 1, 2
            """;
}
