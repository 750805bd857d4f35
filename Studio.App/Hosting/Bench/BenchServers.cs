using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Studio.App.Hosting.Bench;

/// <summary>
/// The throw-away servers of <c>bench orchestration --database postgresql</c> when no <c>--connection</c> is given:
/// Debian's PostgreSQL 15 (a new cluster in a temp folder owned by the postgres user, which PostgreSQL insists on, on a
/// free 127.0.0.1 port, no durability) and a <c>redis-server</c> on loopback with no persistence. Both are stopped and
/// their folders removed on dispose. A missing binary stops the bench with a message naming the package.
/// </summary>
internal sealed class BenchServers : IAsyncDisposable
{
    private const string PostgresBin = "/usr/lib/postgresql/15/bin";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "studio-bench-servers", Guid.NewGuid().ToString("N"));
    private Process? _redis;
    private int _postgresPort;

    private BenchServers()
    {
    }

    /// <summary>The bench database's connection string.</summary>
    public string DatabaseConnection { get; private set; } = "";

    /// <summary>The Redis configuration string.</summary>
    public string RedisConnection { get; private set; } = "";

    /// <summary>What was started, for the bench's output.</summary>
    public string Description => string.Join(", ", new[]
    {
        _postgresPort == 0 ? null : $"PostgreSQL 15 on 127.0.0.1:{_postgresPort}",
        _redis is null ? null : $"redis-server on {RedisConnection}",
    }.OfType<string>()) is { Length: > 0 } started ? $"started {started} (throw-away, stopped at the end)" : "started no server";

    private string DataFolder => Path.Combine(_folder, "pg");

    public static async Task<BenchServers> StartAsync(bool postgres, bool redis, CancellationToken ct)
    {
        var servers = new BenchServers();
        try
        {
            if (postgres)
            {
                await servers.StartPostgresAsync(ct);
            }

            if (redis)
            {
                await servers.StartRedisAsync(ct);
            }

            return servers;
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
    }

    private async Task StartPostgresAsync(CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(PostgresBin, "postgres")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({PostgresBin}/postgres is missing): apt-get install postgresql, or give --connection.");
        }

        Directory.CreateDirectory(_folder);
        _postgresPort = FreePort();
        await RunAsync(["chown", "postgres:postgres", _folder], ct);
        await RunAsync(["runuser", "-u", "postgres", "--", Path.Combine(PostgresBin, "initdb"), "-D", DataFolder, "-A", "trust", "-U", "postgres",
            "-E", "UTF8", "--locale=C", "--no-sync"], ct);
        var settings = $"-p {_postgresPort} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        await RunAsync(["runuser", "-u", "postgres", "--", Path.Combine(PostgresBin, "pg_ctl"), "-D", DataFolder, "-o", settings,
            "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "start"], ct);
        await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("CREATE DATABASE studio_bench", connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        DatabaseConnection = $"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Database=studio_bench;Maximum Pool Size=40";
    }

    private async Task StartRedisAsync(CancellationToken ct)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
        foreach (var argument in new[]
                 {
                     "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _folder,
                     "--save", "", "--appendonly", "no", "--daemonize", "no",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _redis = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("redis-server is missing: apt-get install redis-server, or give --connection with Studio:Redis:Connection set.", ex);
        }

        _redis.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("redis-server stopped."));
            }
            else if (e.Data.Contains("Ready to accept connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        _redis.ErrorDataReceived += (_, _) => { };
        _redis.BeginOutputReadLine();
        _redis.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
        RedisConnection = $"127.0.0.1:{port}";
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_redis is not null)
        {
            if (!_redis.HasExited)
            {
                _redis.Kill(entireProcessTree: true);
                await _redis.WaitForExitAsync();
            }

            _redis.Dispose();
        }

        if (_postgresPort != 0)
        {
            try
            {
                await RunAsync(["runuser", "-u", "postgres", "--", Path.Combine(PostgresBin, "pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop"], CancellationToken.None);
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"Could not stop the bench's PostgreSQL: {ex.Message}");
            }
        }

        try
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not remove {_folder}: {ex.Message}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string[] command, CancellationToken ct)
    {
        var file = command[0];
        var arguments = command[1..];
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
