using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Studio.Core.Persistence;

namespace Studio.App.Hosting.Health;

/// <summary>The database answers a query (whatever the provider: SQLite, PostgreSQL).</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<StudioDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

            // A real read of a table the migrations made, not only an open connection: a database without its schema is not ready.
            await db.Templates.AsNoTracking().Select(t => t.Id).FirstOrDefaultAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The details (host names, paths) go to the log, not to an anonymous caller.
            return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer.", ex);
        }
    }
}
