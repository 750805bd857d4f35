using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Studio.Tests.E2E;

/// <summary>
/// Studio as a user meets it: the built app started as its own process (Development, as `dotnet run` does) on a free
/// loopback port, with a throw-away data folder (or a given one, to start again on it) and a known admin password.
/// </summary>
public sealed class StudioProcess : IAsyncLifetime
{
    public const string ApiToken = "studio_e2e_admin_token_0123456789abcdef";
    public const string AdminEmail = "admin@studio.local";
    public const string AdminPassword = "E2e-Admin-Pass-1234!";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly TempFolder? _ownData;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private Process? _process;

    /// <summary>A process on its own throw-away data folder (xunit fixture).</summary>
    public StudioProcess()
        : this(null, null)
    {
    }

    private StudioProcess(string? dataDirectory, IReadOnlyDictionary<string, string>? settings)
    {
        _ownData = dataDirectory is null ? new TempFolder() : null;
        DataDirectory = dataDirectory ?? _ownData!.Path;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A process on <paramref name="dataDirectory"/> (kept after it stops) with extra settings, passed as environment variables.</summary>
    public static StudioProcess On(string dataDirectory, IReadOnlyDictionary<string, string> settings) => new(dataDirectory, settings);

    public string DataDirectory { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");

        var start = AppCommand("--urls", BaseAddress.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Studio__DataDirectory"] = DataDirectory;
        start.Environment["Studio__Bootstrap__ApiToken"] = ApiToken;
        start.Environment["Studio__Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Studio__Bootstrap__AdminPassword"] = AdminPassword;

        // The suites drive many jobs through one admin: lift the per-user rate limits (their own tests prove them).
        start.Environment["Studio__RateLimits__ApiPerMinute"] = "100000";
        start.Environment["Studio__RateLimits__StartsPerMinute"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"Studio exited early:{Environment.NewLine}{Output}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            await _ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Studio did not say it was ready within {StartTimeout}:{Environment.NewLine}{Output}", ex);
        }
    }

    public async Task DisposeAsync()
    {
        await KillAsync();

        // The app's own log (warnings and errors only), kept beside the screenshots for a failing test's diagnosis.
        if (BaseAddress is not null)
        {
            var folder = Path.Combine(RepositoryRoot(), "TestResults", "logs");
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, $"studio-{BaseAddress.Port}.log"), Output);
        }

        _process?.Dispose();
        _ownData?.Dispose();
    }

    /// <summary>Stops the process abruptly (SIGKILL): no drain, no lease given back, files left as they are.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>An API client of the admin (bearer token).</summary>
    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiToken);
        return client;
    }

    /// <summary>
    /// <c>dotnet Studio.App.dll <paramref name="arguments"/></c> from the app's build output of the tests' own configuration
    /// (Debug or Release), run in the app's folder with its output redirected.
    /// </summary>
    public static ProcessStartInfo AppCommand(params string[] arguments)
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(root, "Studio.App", "bin", configuration, "net10.0", "Studio.App.dll");
        File.Exists(dll).Should().BeTrue($"the app is built before the tests ({dll})");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(root, "Studio.App"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>The repository's root folder (where Studio.sln is).</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Studio.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Studio.sln not found above the test folder.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
        }

        if (line.Contains("Studio is ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
