using Microsoft.EntityFrameworkCore;
using Studio.Core.Templates;

namespace Studio.Core.Persistence.PostgreSql;

/// <summary>
/// Studio's database on PostgreSQL: the same model as <see cref="StudioDbContext"/>, a type of its own only so that its
/// migrations (under PostgreSql/Migrations) are told apart from SQLite's — EF Core's documented pattern for one model
/// over several providers. The rest of Studio sees it as a <see cref="StudioDbContext"/>.
/// </summary>
public sealed class PostgreSqlStudioDbContext(DbContextOptions<PostgreSqlStudioDbContext> options) : StudioDbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQLite's case-insensitive collation, by the same name, for the sorts that ask for it (the admin's job list).
        builder.HasCollation("NOCASE", locale: "und-u-ks-level2", provider: "icu", deterministic: false);

        // The one filter written in SQL: PostgreSQL's booleans are not numbers.
        builder.Entity<VideoTemplate>().HasIndex(t => t.Name).IsUnique().HasFilter("\"IsArchived\" = false");
    }
}
