using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Studio.Core.Persistence.PostgreSql;

/// <summary>
/// Studio's searches (<c>EF.Functions.Like</c> on titles, audit entries) were written for SQLite, whose LIKE ignores the
/// case of ASCII letters; PostgreSQL's does not. On PostgreSQL they run as ILIKE, so a search finds the same rows on
/// both engines without the query code knowing which it runs on. EF Core puts no value in the SQL text (values travel
/// as parameters), so the keyword is the only LIKE there.
/// </summary>
internal sealed class CaseInsensitiveLikeInterceptor : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Rewrite(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Rewrite(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Rewrite(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Rewrite(command);
        return ValueTask.FromResult(result);
    }

    private static void Rewrite(DbCommand command)
    {
        if (command.CommandText.Contains(" LIKE ", StringComparison.Ordinal))
        {
            command.CommandText = command.CommandText.Replace(" LIKE ", " ILIKE ", StringComparison.Ordinal);
        }
    }
}
