using Microsoft.EntityFrameworkCore;

namespace Studio.Core.Persistence;

/// <summary>Hands out a provider's <see cref="StudioDbContext"/> subclass wherever Studio asks for its context.</summary>
internal sealed class ContextFactoryAdapter<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<StudioDbContext>
    where TContext : StudioDbContext
{
    public StudioDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<StudioDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
