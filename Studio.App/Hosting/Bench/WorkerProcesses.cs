using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Studio.App.Hosting.Bench;

/// <summary>
/// N separate OS processes of this very app (<c>Studio:Roles=Worker</c>), configured through environment variables,
/// each answering only its health endpoints on a free loopback port. <see cref="StartAsync"/> returns once every one
/// answers <c>/health/ready</c>; dispose kills them (the bench has waited for all its work first).
/// </summary>
internal sealed class WorkerProcesses : IAsyncDisposable
{
    private readonly List<Process> _processes = [];

    private WorkerProcesses()
    {
    }

    public static async Task<WorkerProcesses> StartAsync(int count, IReadOnlyDictionary<string, string> settings, CancellationToken ct)
    {
        var workers = new WorkerProcesses();
        try
        {
            var ports = new List<int>();
            for (var i = 0; i < count; i++)
            {
                var port = FreePort();
                ports.Add(port);
                workers._processes.Add(Start(i, port, settings));
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromMinutes(2));
            for (var i = 0; i < count; i++)
            {
                await WaitReadyAsync(http, workers._processes[i], ports[i], deadline.Token);
            }

            return workers;
        }
        catch
        {
            await workers.DisposeAsync();
            throw;
        }
    }

    private static Process Start(int index, int port, IReadOnlyDictionary<string, string> settings)
    {
        // Under `dotnet Studio.App.dll` the process is dotnet itself: start the same assembly the same way.
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(WorkerProcesses).Assembly.Location);
        }

        start.WorkingDirectory = AppContext.BaseDirectory;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["Studio__Roles"] = "Worker";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Worker process {index} did not start.");

        // Drained so a full pipe never blocks the worker; warnings are shown, marked with the worker.
        process.OutputDataReceived += (_, e) => Forward(index, e.Data);
        process.ErrorDataReceived += (_, e) => Forward(index, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Forward(int index, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line) && (line.Contains("fail:", StringComparison.Ordinal) || line.Contains("crit:", StringComparison.Ordinal)))
        {
            Console.Error.WriteLine($"[worker {index}] {line}");
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, Process process, int port, CancellationToken ct)
    {
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/health/ready");
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"A worker process stopped at start (exit code {process.ExitCode}).");
            }

            try
            {
                using var response = await http.GetAsync(address, ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // One slow answer while it starts.
            }

            await Task.Delay(200, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        _processes.Clear();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
