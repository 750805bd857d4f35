using System.Diagnostics;
using Studio.App.Hosting.Bench;
using Studio.Tests.E2E;

namespace Studio.Tests.App;

/// <summary>
/// <c>bench orchestration --database postgresql</c> run for real as the built app's own process: it starts its own
/// PostgreSQL and redis-server, one worker process, a few jobs, and prints the side-by-side table. Figures are not
/// asserted (speed lives in the bench, never in a timed test); that every job's segments were made is.
/// </summary>
public sealed class WorkerScalingBenchTests
{
    [Fact]
    public async Task The_postgresql_bench_runs_worker_processes_end_to_end_and_prints_one_column_per_worker_count()
    {
        var (exitCode, output) = await RunBenchAsync("bench", "orchestration", "4", "--database", "postgresql", "--workers", "1");

        exitCode.Should().Be(0, output);
        output.Should().Contain("started PostgreSQL 15 on 127.0.0.1:").And.Contain("redis-server on 127.0.0.1:");
        var table = output.Split('\n').SkipWhile(line => !line.StartsWith("worker processes", StringComparison.Ordinal)).ToList();
        table.Should().NotBeEmpty(output);
        table[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Should().EndWith("1");
        table.Should().Contain(line => line.StartsWith("segments/s", StringComparison.Ordinal))
            .And.Contain(line => line.StartsWith("event p95 ms", StringComparison.Ordinal))
            .And.Contain(line => line.StartsWith("segments ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(" 24", StringComparison.Ordinal));
        table.Single(line => line.StartsWith("jobs finished", StringComparison.Ordinal)).Should().EndWith("4/4");
    }

    [Fact]
    public void The_arguments_choose_the_engine_the_connection_and_the_worker_counts()
    {
        var parsed = BenchArguments.Parse(["bench", "orchestration", "--database", "postgresql", "--connection", "Host=x", "--workers", "1,3", "50"]);

        parsed.Should().BeEquivalentTo(new { Name = "orchestration", Count = 50, PostgreSql = true, Connection = "Host=x", Error = (string?)null });
        parsed.Workers.Should().Equal(1, 3);
        BenchArguments.Parse(["bench", "orchestration", "200"]).Should().BeEquivalentTo(new { Count = 200, PostgreSql = false, Error = (string?)null });
        BenchArguments.Parse(["bench", "orchestration"]).Workers.Should().Equal(1, 2, 4);
        BenchArguments.Parse(["bench", "orchestration", "--workers", "0"]).Error.Should().NotBeNull();
        BenchArguments.Parse(["bench", "assembly", "--database", "postgresql"]).Error.Should().Contain("only for bench orchestration");
    }

    private static async Task<(int ExitCode, string Output)> RunBenchAsync(params string[] arguments)
    {
        using var process = Process.Start(StudioProcess.AppCommand(arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The bench did not end within 3 minutes:\n{await output}{await error}");
        }

        return (process.ExitCode, await output + await error);
    }
}
