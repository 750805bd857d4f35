using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Studio.Core.Storage;

namespace Studio.Tests.Builders;

/// <summary>
/// An S3-compatible server (the s3rver npm package, installed into .tools/s3rver by scripts/ensure-s3rver.sh) on a
/// free 127.0.0.1 port with a throw-away folder and one bucket, for the storage tests; stopped at the end. A missing
/// install fails the tests: CI installs it through scripts/test.sh.
/// s3rver knows the access key S3RVER (secret S3RVER) only; it checks that a V4-signed request names a known key
/// and that a presigned URL has not expired, but it does not verify V4 signatures themselves.
/// </summary>
public sealed class S3rverHost : IAsyncLifetime
{
    public const string Bucket = "studio-tests";
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly TempFolder _folder = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private Process? _process;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>The configuration that points Studio at this server (Studio:Storage:*).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Studio:Storage:Provider"] = "S3",
        ["Studio:Storage:S3:ServiceUrl"] = ServiceUrl.ToString(),
        ["Studio:Storage:S3:Bucket"] = Bucket,
        ["Studio:Storage:S3:AccessKey"] = AccessKey,
        ["Studio:Storage:S3:SecretKey"] = SecretKey,
    };

    /// <summary>Options for an <see cref="S3FileStore"/> made directly (5 MiB parts, the smallest S3 allows).</summary>
    public IOptions<StorageOptions> Options(Action<S3StorageOptions>? change = null)
    {
        var s3 = new S3StorageOptions { ServiceUrl = ServiceUrl.ToString(), Bucket = Bucket, AccessKey = AccessKey, SecretKey = SecretKey, PartSizeMegabytes = 5 };
        change?.Invoke(s3);
        return Microsoft.Extensions.Options.Options.Create(new StorageOptions { Provider = StorageProvider.S3, S3 = s3 });
    }

    public async Task InitializeAsync()
    {
        var script = Path.Combine(E2E.StudioProcess.RepositoryRoot(), ".tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        File.Exists(script).Should().BeTrue($"s3rver is installed by scripts/ensure-s3rver.sh (run by scripts/test.sh) at {script}");
        var port = FreePort();
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[script, "-d", _folder.Path, "-a", "127.0.0.1", "-p", $"{port}", "--no-vhost-buckets", "--configure-bucket", Bucket])
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException("s3rver stopped: " + string.Join('\n', _output)));
        _process.Start().Should().BeTrue("node starts s3rver");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await _ready.Task.WaitAsync(StartTimeout);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _folder.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.Contains("S3rver listening", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
