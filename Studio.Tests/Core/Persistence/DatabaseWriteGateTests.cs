using Microsoft.Extensions.Options;
using Studio.Core.Persistence;

namespace Studio.Tests.Core.Persistence;

/// <summary>How many of one process's writes the gate lets into each engine at once.</summary>
public sealed class DatabaseWriteGateTests
{
    [Fact]
    public async Task Sqlite_LetsOneWriterInUntilItsTurnIsPassedOn()
    {
        using var gate = Gate(new DatabaseOptions { ConcurrentWrites = 16 });
        var first = await gate.EnterAsync(CancellationToken.None);

        var second = gate.EnterAsync(CancellationToken.None);

        second.IsCompleted.Should().BeFalse("SQLite takes one writer: the second waits, whatever ConcurrentWrites says");
        first.Dispose();
        (await second).Dispose();
    }

    [Fact]
    public async Task PostgreSql_LetsConcurrentWritesInAtOnceAndTheNextWaits()
    {
        using var gate = Gate(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = "Host=db", ConcurrentWrites = 3 });
        var inside = new List<IDisposable>();
        for (var i = 0; i < 3; i++)
        {
            var turn = gate.EnterAsync(CancellationToken.None);
            turn.IsCompleted.Should().BeTrue($"writer {i + 1} of 3 goes in at once");
            inside.Add(await turn);
        }

        var fourth = gate.EnterAsync(CancellationToken.None);

        fourth.IsCompleted.Should().BeFalse("three writers are inside");
        inside[0].Dispose();
        (await fourth).Dispose();
        inside.Skip(1).ToList().ForEach(t => t.Dispose());
    }

    private static DatabaseWriteGate Gate(DatabaseOptions options) => new(Options.Create(options));
}
