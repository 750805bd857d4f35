using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Studio.Core.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the context to add migrations; not used at run time.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<StudioDbContext>
{
    /// <inheritdoc />
    public StudioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StudioDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
