using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Core.Templates;

/// <summary>Adds the default templates that are missing (by name); never touches existing ones.</summary>
public sealed class TemplateSeeder(IDbContextFactory<StudioDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Adds missing default templates and returns how many were added.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var existing = (await db.Templates.Select(t => t.Name).ToListAsync(ct).ConfigureAwait(false))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = DefaultTemplates.Create(time.GetUtcNow()).Where(t => !existing.Contains(t.Name)).ToList();
        db.Templates.AddRange(missing);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return missing.Count;
    }
}
