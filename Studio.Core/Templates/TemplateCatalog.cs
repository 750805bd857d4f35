using Microsoft.EntityFrameworkCore;
using Studio.Core.Persistence;

namespace Studio.Core.Templates;

/// <summary>Reads templates.</summary>
public sealed class TemplateCatalog(IDbContextFactory<StudioDbContext> dbFactory)
{
    /// <summary>All templates, by name.</summary>
    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var templates = await db.Templates.AsNoTracking().Where(t => !t.IsArchived).ToListAsync(ct).ConfigureAwait(false);
        return [.. templates.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Select(TemplateSummary.From)];
    }

    /// <summary>The template with that id, or (case-insensitive) that name; null when there is none.</summary>
    public async Task<VideoTemplate?> FindAsync(string idOrName, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await FindAsync(db, idOrName, ct).ConfigureAwait(false);
    }

    internal static async Task<VideoTemplate?> FindAsync(StudioDbContext db, string idOrName, CancellationToken ct)
    {
        if (Guid.TryParse(idOrName, out var id))
        {
            return await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && !t.IsArchived, ct).ConfigureAwait(false);
        }

        var name = idOrName.Trim();
        var byName = await db.Templates.AsNoTracking().Where(t => t.Name == name && !t.IsArchived).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (byName is not null)
        {
            return byName;
        }

        // Few templates exist; a case-insensitive match in memory avoids collation differences between databases.
        var all = await db.Templates.AsNoTracking().Where(t => !t.IsArchived).ToListAsync(ct).ConfigureAwait(false);
        return all.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}
