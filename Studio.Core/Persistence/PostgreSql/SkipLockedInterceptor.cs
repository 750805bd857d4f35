using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Studio.Core.Persistence.PostgreSql;

/// <summary>Turns a query tagged by <see cref="ClaimQueries.ForClaim{T}"/> into a <c>SELECT … FOR UPDATE SKIP LOCKED</c>.</summary>
internal sealed class SkipLockedInterceptor : DbCommandInterceptor
{
    private const string Marker = "-- " + ClaimQueries.Tag;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Lock(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Lock(command);
        return ValueTask.FromResult(result);
    }

    private static void Lock(DbCommand command)
    {
        if (command.CommandText.StartsWith(Marker, StringComparison.Ordinal))
        {
            command.CommandText = command.CommandText.TrimEnd().TrimEnd(';') + "\nFOR UPDATE SKIP LOCKED";
        }
    }
}
