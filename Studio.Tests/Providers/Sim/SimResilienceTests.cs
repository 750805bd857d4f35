using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Studio.Core.Providers;
using Studio.Providers.Http;
using Studio.Providers.Sim;
using Studio.Tests.Fakes;

namespace Studio.Tests.Providers.Sim;

/// <summary>
/// The shared provider pipeline (ADR 0006), run for real: the sim client over HTTP against a simulator server with
/// injected faults, on a fake clock so that every wait is seen and skipped rather than slept.
/// </summary>
public sealed class SimResilienceTests : IAsyncLifetime
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly WatchedClock _clock = new();
    private SimServer _server = null!;
    private SimHost _host = null!;

    private SimVideoProvider Provider => _host.Provider;

    public Task InitializeAsync()
    {
        _server = SimTestServer.Start(o => o.RetryAfterSeconds = 7);
        _host = SimHost.Create(_server, time: _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task GetStatusAsync_RateLimitedWithRetryAfter_WaitsExactlyThatLongThenRetries()
    {
        var id = await Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);
        _server.InjectFaults(SimFault.RateLimited);
        _clock.ForgetTimers();

        var poll = Provider.GetStatusAsync(id, CancellationToken.None);
        var wait = await _clock.WaitForTimerAsync(IsRetryDelay);
        var requestsWhileWaiting = _server.TotalRequests;
        var doneBeforeTheWait = poll.IsCompleted;
        _clock.Advance(wait);
        var status = await poll.WaitAsync(Guard);

        wait.Should().Be(TimeSpan.FromSeconds(7), "the server said Retry-After: 7");
        doneBeforeTheWait.Should().BeFalse();
        requestsWhileWaiting.Should().Be(2, "the submission and the rate-limited poll");
        status.Should().Be(ProviderJobStatus.Queued);
        _server.TotalRequests.Should().Be(3);
    }

    [Fact]
    public async Task GetStatusAsync_ServerError_IsRetriedAfterABackoff()
    {
        var id = await Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);
        _server.InjectFaults(SimFault.ServerError);
        _clock.ForgetTimers();

        var poll = Provider.GetStatusAsync(id, CancellationToken.None);
        _clock.Advance(await _clock.WaitForTimerAsync(IsRetryDelay));
        var status = await poll.WaitAsync(Guard);

        status.Should().Be(ProviderJobStatus.Queued);
        _server.TotalRequests.Should().Be(3);
    }

    [Fact]
    public async Task GetStatusAsync_NoAnswerWithinTheAttemptTimeout_IsRetried()
    {
        var id = await Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);
        _server.InjectFaults(SimFault.Timeout);
        _clock.ForgetTimers();

        var poll = Provider.GetStatusAsync(id, CancellationToken.None);
        var attemptTimeout = await _clock.WaitForTimerAsync(d => d == AttemptTimeout);
        await _server.WaitForRequestsAsync(2).WaitAsync(Guard);
        _clock.Advance(attemptTimeout);
        _clock.Advance(await _clock.WaitForTimerAsync(IsRetryDelay));
        var status = await poll.WaitAsync(Guard);

        status.Should().Be(ProviderJobStatus.Queued);
        _server.TotalRequests.Should().Be(3);
    }

    [Fact]
    public async Task SubmitAsync_AnsweredServerError_IsNotRetriedAndIsTransient()
    {
        var request = SimRequests.For();
        _server.InjectFaults(SimFault.ServerError);

        var submit = () => Provider.SubmitAsync(request, CancellationToken.None).WaitAsync(Guard);

        var failure = (await submit.Should().ThrowAsync<ProviderException>()).Which;
        failure.Should().NotBeOfType<ProviderUnavailableException>();
        failure.IsPermanent.Should().BeFalse();
        failure.Message.Should().Contain("HTTP 500");
        _server.TotalRequests.Should().Be(1, "a POST answered 5xx may have started a paid generation");
        _server.SubmissionsFor(request.SegmentId).Should().Be(1, "the simulator created it before the answer was lost");
    }

    [Fact]
    public async Task SubmitAsync_AnsweredServerErrorUnderAHostWideStandardHandler_IsStillNotRetried()
    {
        await using var host = SimHost.Create(_server, time: _clock, services: s => s.ConfigureHttpClientDefaults(h => h.AddStandardResilienceHandler()));
        _server.InjectFaults(SimFault.ServerError);

        var submit = () => host.Provider.SubmitAsync(SimRequests.For(), CancellationToken.None).WaitAsync(Guard);

        await submit.Should().ThrowAsync<ProviderException>();
        _server.TotalRequests.Should().Be(1);
    }

    [Fact]
    public async Task FindSubmissionAsync_AfterASubmissionWhoseAnswerWasLost_FindsItSoItIsNotPaidTwice()
    {
        var request = SimRequests.For();
        _server.InjectFaults(SimFault.ServerError);
        var submit = () => Provider.SubmitAsync(request, CancellationToken.None).WaitAsync(Guard);
        await submit.Should().ThrowAsync<ProviderException>();

        var found = await Provider.FindSubmissionAsync(request.Reference!, CancellationToken.None);

        found.Should().NotBeNull();
        (await Provider.GetStatusAsync(found!, CancellationToken.None)).State.Should().Be(ProviderJobState.Queued);
        _server.SubmissionsFor(request.SegmentId).Should().Be(1);
    }

    [Fact]
    public async Task SubmitAsync_NoAnswerWithinTheAttemptTimeout_IsNotRetriedAndIsTransient()
    {
        var request = SimRequests.For();
        _server.InjectFaults(SimFault.Timeout);

        var submit = Provider.SubmitAsync(request, CancellationToken.None);
        var attemptTimeout = await _clock.WaitForTimerAsync(d => d == AttemptTimeout);
        await _server.WaitForRequestsAsync(1).WaitAsync(Guard);
        _clock.Advance(attemptTimeout);
        var outcome = () => submit.WaitAsync(Guard);

        var failure = (await outcome.Should().ThrowAsync<ProviderException>()).Which;
        failure.IsPermanent.Should().BeFalse();
        failure.Message.Should().Contain("did not answer in time");
        _server.TotalRequests.Should().Be(1, "a POST that timed out may have started a paid generation");
    }

    [Fact]
    public async Task SubmitAsync_RateLimited_IsRetriedOnceTheRetryAfterHasPassed()
    {
        var request = SimRequests.For();
        _server.InjectFaults(SimFault.RateLimited);

        var submit = Provider.SubmitAsync(request, CancellationToken.None);
        var wait = await _clock.WaitForTimerAsync(IsRetryDelay);
        _clock.Advance(wait);
        var id = await submit.WaitAsync(Guard);

        wait.Should().Be(TimeSpan.FromSeconds(7));
        id.Should().StartWith("gen_");
        _server.TotalRequests.Should().Be(2);
        _server.SubmissionsFor(request.SegmentId).Should().Be(1, "a 429 refused the first try; nothing was started");
    }

    [Fact]
    public async Task SubmitAsync_ConnectionFailedBeforeSending_IsRetried()
    {
        var connects = 0;
        await using var host = SimHost.Create(
            _server,
            time: _clock,
            services: s => s.Configure<HttpClientFactoryOptions>(SimVideoProvider.ProviderName, o => o.HttpMessageHandlerBuilderActions.Add(b =>
                b.PrimaryHandler = new SocketsHttpHandler
                {
                    ConnectCallback = async (context, ct) =>
                    {
                        if (Interlocked.Increment(ref connects) == 1)
                        {
                            throw new SocketException((int)SocketError.ConnectionRefused);
                        }

                        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        await socket.ConnectAsync(context.DnsEndPoint, ct);
                        return new NetworkStream(socket, ownsSocket: true);
                    },
                })));
        var request = SimRequests.For();

        var submit = host.Provider.SubmitAsync(request, CancellationToken.None);
        _clock.Advance(await _clock.WaitForTimerAsync(IsRetryDelay));
        await submit.WaitAsync(Guard);

        connects.Should().Be(2);
        _server.TotalRequests.Should().Be(1);
        _server.SubmissionsFor(request.SegmentId).Should().Be(1);
    }

    [Fact]
    public async Task Outage_FailuresReachTheThreshold_CircuitOpensAndCallsFailFastWithoutReachingTheServer()
    {
        _server.Outage = true;
        var failures = new List<ProviderException>();
        for (var i = 0; i < 5; i++)
        {
            failures.Add(await SubmitFailureAsync());
        }

        var afterOpen = await SubmitFailureAsync();
        var poll = () => Provider.GetStatusAsync("gen_any", CancellationToken.None);

        failures.Should().AllSatisfy(f => f.Should().NotBeOfType<ProviderUnavailableException>().And.Match<ProviderException>(e => !e.IsPermanent));
        afterOpen.Should().BeOfType<ProviderUnavailableException>();
        await poll.Should().ThrowAsync<ProviderUnavailableException>();
        _server.TotalRequests.Should().Be(5, "the minimum throughput is 5; after that the circuit answers for the server");
    }

    [Fact]
    public async Task Outage_Over_AfterTheBreakDurationACallGoesThroughAndClosesTheCircuit()
    {
        _server.Outage = true;
        for (var i = 0; i < 6; i++)
        {
            await SubmitFailureAsync();
        }

        _server.Outage = false;
        _clock.Advance(BreakDuration);
        var id = await Provider.SubmitAsync(SimRequests.For(), CancellationToken.None);
        var status = await Provider.GetStatusAsync(id, CancellationToken.None);

        status.Should().Be(ProviderJobStatus.Queued);
        _server.TotalRequests.Should().Be(7);
    }

    [Fact]
    public async Task Circuit_OpenForOneProvider_LeavesAnotherProviderOnTheSameServerAlone()
    {
        await using var host = SimHost.Create(
            _server,
            new Dictionary<string, string?> { ["Test:Other:Http:MaxRetryAttempts"] = "0" },
            _clock,
            s => s.AddProviderHttpClient<OtherProviderClient>("other", "Test:Other:Http", (_, c) => c.BaseAddress = _server.BaseAddress));
        var sim = host.Provider;
        var other = host.Get<ProviderClientFactory<OtherProviderClient>>();
        _server.Outage = true;
        for (var i = 0; i < 6; i++)
        {
            var submit = () => sim.SubmitAsync(SimRequests.For(), CancellationToken.None);
            await submit.Should().ThrowAsync<ProviderException>();
        }

        _server.Outage = false;
        var simAgain = () => sim.SubmitAsync(SimRequests.For(), CancellationToken.None);
        var otherStatus = await other.Create().ListAsync(CancellationToken.None);

        await simAgain.Should().ThrowAsync<ProviderUnavailableException>();
        otherStatus.Should().Be(200);
    }

    /// <summary>A retry's wait: shorter than the attempt timeout (30 s) and the total timeout (2 min), the other timers.</summary>
    private static bool IsRetryDelay(TimeSpan due) => due < AttemptTimeout;

    private async Task<ProviderException> SubmitFailureAsync()
    {
        var submit = () => Provider.SubmitAsync(SimRequests.For(), CancellationToken.None).WaitAsync(Guard);
        return (await submit.Should().ThrowAsync<ProviderException>()).Which;
    }

    /// <summary>A second hosted provider's client, as a later vendor would register one.</summary>
    public sealed class OtherProviderClient(HttpClient http)
    {
        public async Task<int> ListAsync(CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "v1/generations");
            using var response = await ProviderHttpFailures.SendAsync(http, request, HttpCompletionOption.ResponseContentRead, "Other", ct);
            return (int)response.StatusCode;
        }
    }
}
