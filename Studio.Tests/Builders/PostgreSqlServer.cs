using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Studio.Tests.Builders;

/// <summary>
/// Debian's PostgreSQL 15 started for the test run: a throw-away cluster in a temp folder (owned by the postgres user,
/// as PostgreSQL refuses to run as root), listening on a free 127.0.0.1 port, stopped and deleted at the end. One per
/// run through <see cref="PostgreSqlTests"/>; each test takes a fresh database from <see cref="CreateDatabaseAsync"/>.
/// A missing server fails the tests: scripts/test.sh installs it. Beside it runs a <see cref="RedisServer"/>: the
/// suites that run a second time on PostgreSQL carry their job events over Redis too, as several nodes would.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private readonly TempFolder _folder = new();
    private int _port;

    /// <summary>The Redis that <see cref="TestEngine.PostgreSql"/> hosts publish their job events through.</summary>
    public RedisServer Redis { get; } = new();

    private string DataFolder => Path.Combine(_folder.Path, "data");

    private string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "postgres")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Bin}/postgres is missing): run scripts/test.sh, which installs the postgresql package.");
        }

        _port = FreePort();
        await RunAsync("chown", "postgres:postgres", _folder.Path);
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "initdb"), "-D", DataFolder, "-A", "trust", "-U", "postgres",
            "-E", "UTF8", "--locale=C", "--no-sync");

        // Durability is beside the point of a throw-away cluster; many test hosts each keep a small pool.
        var settings = $"-p {_port} -k {_folder.Path} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", DataFolder, "-o", settings,
            "-l", Path.Combine(_folder.Path, "server.log"), "-w", "-t", "60", "start");
        await Redis.StartAsync();
    }

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "studio_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name};Maximum Pool Size=30";
    }

    /// <summary>Runs <paramref name="sql"/> as the superuser on the server's maintenance database (roles, sessions).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await Redis.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_port != 0)
        {
            await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(Bin, "pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }

        _folder.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
