using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Studio.Core.Analytics;

/// <summary>
/// Reads the stored form of a UTC moment in SQL. Dates are stored as EF Core's sortable 64-bit binary form
/// (<see cref="DateTimeOffsetToBinaryConverter"/>, see <c>StudioDbContext.ConfigureConventions</c>), which for the UTC
/// values Studio writes is linear in time; so "(column − origin) / per second" is Unix time, which SQLite's date
/// functions take. Origin and scale come from the converter itself, not from a copy of its formula.
/// </summary>
internal static class StoredTime
{
    private static readonly DateTimeOffsetToBinaryConverter Converter = new();

    /// <summary>The stored value of 1970-01-01T00:00Z.</summary>
    public static readonly long Origin = Store(DateTimeOffset.UnixEpoch);

    /// <summary>How much the stored value grows per second.</summary>
    public static readonly long PerSecond = Store(DateTimeOffset.UnixEpoch.AddSeconds(1)) - Origin;

    /// <summary>The stored value of <paramref name="at"/> (UTC).</summary>
    public static long Store(DateTimeOffset at) => (long)Converter.ConvertToProvider(at.ToUniversalTime())!;

    /// <summary>SQL for the Unix seconds of a stored column (integer).</summary>
    public static string UnixSeconds(string column) => $"(({column} - {Origin}) / {PerSecond})";

    /// <summary>SQL for the first day ('yyyy-MM-dd') of the day, week (from Monday) or month a stored column falls in.</summary>
    public static string Start(string column, string unit) => unit switch
    {
        "day" => $"date({UnixSeconds(column)}, 'unixepoch')",
        "week" => $"date({UnixSeconds(column)}, 'unixepoch', '-6 days', 'weekday 1')",
        "month" => $"date({UnixSeconds(column)}, 'unixepoch', 'start of month')",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "day, week or month"),
    };

    /// <summary>PostgreSQL's SQL for the same first day as <see cref="Start"/>, as 'YYYY-MM-DD' text (the column is quoted there).</summary>
    public static string PostgreSqlStart(string column, string unit)
    {
        var utc = $"(to_timestamp({UnixSeconds(column)}) AT TIME ZONE 'UTC')";
        return unit switch
        {
            "day" => $"to_char({utc}, 'YYYY-MM-DD')",
            "week" => $"to_char(date_trunc('week', {utc}), 'YYYY-MM-DD')",
            "month" => $"to_char(date_trunc('month', {utc}), 'YYYY-MM-DD')",
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "day, week or month"),
        };
    }

    /// <summary>Reads the 'yyyy-MM-dd' of either engine.</summary>
    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
