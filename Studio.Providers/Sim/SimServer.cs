using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Studio.Core.Media;
using Studio.Providers.Sim.Wire;

namespace Studio.Providers.Sim;

/// <summary>
/// An in-process HTTP server on 127.0.0.1 (a free port) that speaks the simulator protocol (README.md beside this
/// file) with the faults <see cref="SimProviderOptions"/> ask for. It stands in for a hosted video provider: the
/// <c>sim</c> provider's real client and the real resilience pipeline talk to it over real HTTP. It counts what it is
/// asked (thread-safe), so a test can prove that nothing was submitted, or billed, twice.
/// </summary>
public sealed class SimServer : IAsyncDisposable, IDisposable
{
    private const int MaxBodyBytes = 1 << 20;
    private const string StatsPath = "/v1/stats";

    private readonly SimProviderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SimLedger _ledger = new();
    private readonly SimFaultPlan _faults;
    private readonly SimClipCache _clips;
    private readonly SimApi _api;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _inFlight = [];
    private HttpListener? _listener;
    private Task _acceptLoop = Task.CompletedTask;
    private Task? _stop;
    private Uri? _baseAddress;
    private volatile bool _outage;
    private int _disposed;

    /// <summary>Creates a server; it listens once <see cref="Start"/> is called.</summary>
    /// <param name="options">Faults, delays and prices; read once, here.</param>
    /// <param name="media">Renders the clips the server serves.</param>
    /// <param name="time">Clock for delays and timestamps (default the system's).</param>
    /// <param name="logger">Logger (default none).</param>
    public SimServer(SimProviderOptions options, IMediaEngine media, TimeProvider? time = null, ILogger<SimServer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(media);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SimServer>.Instance;
        _faults = new SimFaultPlan(options);
        _clips = new SimClipCache(media, options.PlainClips, _stopping.Token);
        _api = new SimApi(options, _ledger, _faults, _clips, _time);
    }

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    /// <exception cref="InvalidOperationException">It has not been started.</exception>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The simulator server has not been started.");

    /// <summary>True between <see cref="Start"/> and <see cref="StopAsync"/>.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _listener is not null;
            }
        }
    }

    /// <summary>When true, every protocol request is answered 503 (a provider outage). Can be changed at any time. Default false.</summary>
    public bool Outage
    {
        get => _outage;
        set => _outage = value;
    }

    /// <summary>Protocol requests received so far (stats requests excluded), faulted and refused ones included.</summary>
    public long TotalRequests => _ledger.TotalRequests;

    /// <summary>Generations created so far: what a paid provider would bill.</summary>
    public int TotalSubmissions => _ledger.TotalSubmissions;

    /// <summary>Generations created for one segment.</summary>
    public int SubmissionsFor(Guid segmentId) => _ledger.SubmissionsFor(segmentId);

    /// <summary>Generations created with one client reference.</summary>
    public int SubmissionsForReference(string reference) => _ledger.SubmissionsForReference(reference);

    /// <summary>
    /// Completes once the server has received <paramref name="count"/> protocol requests in all (at once if it has):
    /// lets a test act (move a fake clock on, say) only after a request has reached the server.
    /// </summary>
    public Task WaitForRequestsAsync(long count, CancellationToken ct = default) => _ledger.WhenRequestsReach(count).WaitAsync(ct);

    /// <summary>
    /// Makes the next requests (any route but stats) meet these faults, one each, in order, before any drawn at
    /// random: a deterministic hook for tests.
    /// </summary>
    public void InjectFaults(params SimFault[] faults) => _faults.Enqueue(faults);

    /// <summary>Starts listening on a free port of 127.0.0.1 (once; later calls return the same address).</summary>
    /// <returns><see cref="BaseAddress"/>.</returns>
    /// <exception cref="ObjectDisposedException">The server was stopped.</exception>
    public Uri Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stop is not null, this);
            if (_baseAddress is not null)
            {
                return _baseAddress;
            }

            var (listener, address) = Bind();
            _listener = listener;
            _baseAddress = address;
            _acceptLoop = Task.Run(() => AcceptLoopAsync(listener));
            SimServerLog.Listening(_logger, address);
            return address;
        }
    }

    /// <summary>
    /// The address clients should use: where it listens or listened, starting it if it never did. Unlike
    /// <see cref="Start"/>, it does not throw once the server has stopped: calls then fail to connect, as they would
    /// with a vendor that is down.
    /// </summary>
    internal Uri AddressForClients()
    {
        lock (_gate)
        {
            if (_baseAddress is not null)
            {
                return _baseAddress;
            }
        }

        return Start();
    }

    /// <summary>Stops listening, cuts held requests short and waits for the answers under way. Idempotent.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stop ??= StopCoreAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Dispose();
        }
    }

    /// <summary>Stops at once, without waiting for answers under way (they are cut off). Prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        HttpListener? listener;
        lock (_gate)
        {
            _stop ??= Task.CompletedTask;
            listener = _listener;
            _listener = null;
        }

        _stopping.Cancel();
        listener?.Close();
        _clips.Dispose();
        _stopping.Dispose();
    }

    private static (HttpListener Listener, Uri Address) Bind()
    {
        for (var attempt = 1; ; attempt++)
        {
            int port;
            var probe = new TcpListener(IPAddress.Loopback, 0);
            try
            {
                probe.Start();
                port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            finally
            {
                probe.Stop();
            }

            var prefix = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                // Another process took the port between the probe and the bind: try another.
                listener.Close();
            }
        }
    }

    private async Task StopCoreAsync()
    {
        HttpListener? listener;
        lock (_gate)
        {
            listener = _listener;
            _listener = null;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        listener?.Stop();
        await _acceptLoop.ConfigureAwait(false);
        Task[] answers;
        lock (_gate)
        {
            answers = [.. _inFlight];
        }

        await Task.WhenAll(answers).ConfigureAwait(false);
        try
        {
            listener?.Close();
        }
        catch (HttpListenerException)
        {
            // The managed HttpListener looks its endpoint up again while closing and may try to bind the port anew; if
            // another server took the port after Stop released it, that fails. The listener is stopped already: nothing
            // is left to release.
        }

        _clips.Dispose();
    }

    private async Task AcceptLoopAsync(HttpListener listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var answer = Task.Run(() => AnswerAsync(context));
            lock (_gate)
            {
                _inFlight.Add(answer);
            }

            _ = answer.ContinueWith(
                done =>
                {
                    lock (_gate)
                    {
                        _inFlight.Remove(done);
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>Answers one request; never throws (the accept loop does not watch it).</summary>
    private async Task AnswerAsync(HttpListenerContext context)
    {
        var ct = _stopping.Token;
        var request = context.Request;
        var response = context.Response;
        var method = request.HttpMethod.ToUpperInvariant();
        var path = request.Url?.AbsolutePath.TrimEnd('/') ?? string.Empty;
        try
        {
            var reply = method == "GET" && path == StatsPath
                ? SimReply.Json(200, _ledger.Stats(), SimJsonContext.Default.SimStats)
                : await ReplyAsync(method, path, request, ct).ConfigureAwait(false);
            response.StatusCode = reply.Status;
            if (reply.RetryAfterSeconds is { } seconds)
            {
                response.AddHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
            }

            if (reply.ContentType is not null)
            {
                response.ContentType = reply.ContentType;
            }

            response.ContentLength64 = reply.Body.Length;
            await response.OutputStream.WriteAsync(reply.Body, ct).ConfigureAwait(false);
            response.Close();
            SimServerLog.Answered(_logger, method, path, reply.Status);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or IOException or ObjectDisposedException)
        {
            // Stopping, or the client went away (a held request it gave up on): nobody is listening for an answer.
            response.Abort();
        }
#pragma warning disable CA1031 // The server must outlive any one bad request; the failure is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SimServerLog.Failed(_logger, ex, method, path);
            response.Abort();
        }
    }

    private async Task<SimReply> ReplyAsync(string method, string path, HttpListenerRequest request, CancellationToken ct)
    {
        _ledger.CountRequest();
        if (_options.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(_options.LatencyMs), _time, ct).ConfigureAwait(false);
        }

        if (_outage)
        {
            return SimReply.Error(503, SimErrorCodes.Unavailable, "The simulator is down (a simulated outage).");
        }

        if (_options.ApiKey.Length > 0 && request.Headers["Authorization"] != "Bearer " + _options.ApiKey)
        {
            return SimReply.Error(401, SimErrorCodes.Unauthorized, "The API key is missing or wrong.");
        }

        var fault = _faults.NextFault();
        if (fault is { } refused && refused is SimFault.RateLimited or SimFault.Unavailable)
        {
            SimServerLog.Injecting(_logger, refused, method, path);
            return SimReply.Fault(refused, _options.RetryAfterSeconds);
        }

        // A submission that meets a 500 or a timeout is created first, and only its answer is lost: the costly
        // ambiguity a client must survive without paying twice. Any other request fails before it is acted on.
        var isSubmission = method == "POST";
        if (fault is { } early && !isSubmission)
        {
            return await FaultAsync(early, method, path, ct).ConfigureAwait(false);
        }

        var body = await ReadBodyAsync(request, ct).ConfigureAwait(false);
        if (body is null)
        {
            return SimReply.Error(413, SimErrorCodes.InvalidRequest, "The body is larger than 1 MiB.");
        }

        var reply = await _api.HandleAsync(method, path, request.QueryString["client_reference"], body, ct).ConfigureAwait(false);
        return fault is { } late && reply.Status == 201 ? await FaultAsync(late, method, path, ct).ConfigureAwait(false) : reply;
    }

    private async Task<SimReply> FaultAsync(SimFault fault, string method, string path, CancellationToken ct)
    {
        SimServerLog.Injecting(_logger, fault, method, path);
        if (fault == SimFault.Timeout)
        {
            await Task.Delay(_options.TimeoutFaultHold, _time, ct).ConfigureAwait(false);
        }

        return SimReply.Fault(fault, _options.RetryAfterSeconds);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpListenerRequest request, CancellationToken ct)
    {
        if (!request.HasEntityBody)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.InputStream.ReadAsync(chunk, ct).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
