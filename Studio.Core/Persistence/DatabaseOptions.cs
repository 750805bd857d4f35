using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Persistence;

/// <summary>Which database Studio uses, under <c>Studio:Database</c>.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Database";

    /// <summary>The engine. Default <see cref="DatabaseProvider.Sqlite"/> (studio.db under the data folder).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The Npgsql connection string when <see cref="Provider"/> is PostgreSql (e.g.
    /// <c>Host=db;Database=studio;Username=studio;Password=…</c>); required then. Ignored for SQLite, whose file lives
    /// under the data folder. Default empty.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// How many of one process's writes may be in the database at once on PostgreSQL, whose row locks let writers work
    /// side by side (kept below Npgsql's pool of 100 connections). SQLite takes one writer anyway: there it is always 1.
    /// Default 16.
    /// </summary>
    [Range(1, 64)]
    public int ConcurrentWrites { get; set; } = 16;

    /// <summary>The writes one process lets into the database at once with these settings.</summary>
    public int WritersPerProcess => Provider == DatabaseProvider.PostgreSql ? ConcurrentWrites : 1;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Studio:Database:Provider is PostgreSql but Studio:Database:ConnectionString is empty: set it to the Npgsql connection string of the database (e.g. Host=db;Database=studio;Username=studio;Password=...).",
                [nameof(ConnectionString)]);
        }
    }
}
