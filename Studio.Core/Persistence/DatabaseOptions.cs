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
