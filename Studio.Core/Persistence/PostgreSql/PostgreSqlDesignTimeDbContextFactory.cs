using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Studio.Core.Persistence.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context PostgreSqlStudioDbContext --output-dir Persistence/PostgreSql/Migrations</c>
/// build the PostgreSQL context; not used at run time, and no server is needed to add a migration.
/// </summary>
public sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlStudioDbContext>
{
    /// <inheritdoc />
    public PostgreSqlStudioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlStudioDbContext>().UseNpgsql("Host=localhost;Database=studio_design").Options);
}
