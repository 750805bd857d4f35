using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Studio.Core.Persistence;

/// <summary>
/// Sets each SQLite connection up as it opens: <c>synchronous=NORMAL</c>, the documented setting for write-ahead logging
/// (commits stay atomic and the database cannot be corrupted; only the last commits before a power cut may be lost,
/// never on a process crash) — without it every small state write waits for a disk flush; and a busy timeout, so that
/// a writer waiting for another is woken by SQLite within milliseconds rather than retried by the driver after 150 ms.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
