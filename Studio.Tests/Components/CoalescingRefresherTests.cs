using Microsoft.Extensions.Time.Testing;
using Studio.App.Components.Shared;

namespace Studio.Tests.Components;

public sealed class CoalescingRefresherTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();
    private readonly SemaphoreSlim _refreshed = new(0);
    private readonly List<Exception> _errors = [];
    private int _refreshes;

    [Fact]
    public async Task MarkDirty_Once_RefreshesAtOnce()
    {
        await using var refresher = Create();

        refresher.MarkDirty();

        await NextRefreshAsync(advanceTime: false);
        _refreshes.Should().Be(1);
    }

    [Fact]
    public async Task MarkDirty_BurstDuringARefresh_RefreshesOnceMoreAfterTheInterval()
    {
        var gate = new TaskCompletionSource();
        await using var refresher = Create(async _ => await gate.Task);
        refresher.MarkDirty();
        await NextRefreshStartedAsync();

        for (var i = 0; i < 50; i++)
        {
            refresher.MarkDirty();
        }

        gate.SetResult();
        await NextRefreshAsync(advanceTime: true);

        // The burst was one refresh; the loop is idle again, so a new signal refreshes at once (no third queued).
        _time.Advance(Interval * 3);
        refresher.MarkDirty();
        await NextRefreshAsync(advanceTime: true);
        _refreshes.Should().Be(3);
    }

    [Fact]
    public async Task MarkDirty_Burst_NeverRefreshesTwiceWithinTheInterval()
    {
        await using var refresher = Create();
        refresher.MarkDirty();
        await NextRefreshAsync(advanceTime: false);

        for (var i = 0; i < 20; i++)
        {
            refresher.MarkDirty();
        }

        // Without time passing the second refresh must wait for the interval.
        (await _refreshed.WaitAsync(TimeSpan.FromMilliseconds(200))).Should().BeFalse();
        _refreshes.Should().Be(1);
        await NextRefreshAsync(advanceTime: true);
        _refreshes.Should().Be(2);
    }

    [Fact]
    public async Task Refresh_Throws_ReportsAndKeepsWorking()
    {
        var calls = 0;
        await using var refresher = Create(_ => ++calls == 1 ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        refresher.MarkDirty();
        await NextRefreshStartedAsync();

        _time.Advance(Interval);
        refresher.MarkDirty();
        await NextRefreshAsync(advanceTime: true);

        _errors.Should().ContainSingle().Which.Message.Should().Be("boom");
        calls.Should().Be(2);
    }

    [Fact]
    public async Task DisposeAsync_DuringARefresh_CancelsItAndIgnoresLaterSignals()
    {
        var cancelled = false;
        var refresher = Create(async ct =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled = true;
                throw;
            }
        });
        refresher.MarkDirty();
        await NextRefreshStartedAsync();

        await refresher.DisposeAsync().AsTask().WaitAsync(Patience);
        refresher.MarkDirty();

        cancelled.Should().BeTrue();
        _refreshes.Should().Be(1);
        _errors.Should().BeEmpty();
    }

    private CoalescingRefresher Create(Func<CancellationToken, Task>? work = null) => new(
        async ct =>
        {
            Interlocked.Increment(ref _refreshes);
            _refreshed.Release();
            await (work?.Invoke(ct) ?? Task.CompletedTask);
        },
        ex =>
        {
            lock (_errors)
            {
                _errors.Add(ex);
            }
        },
        _time,
        Interval);

    private async Task NextRefreshStartedAsync() => (await _refreshed.WaitAsync(Patience)).Should().BeTrue();

    // The loop arms its interval timer on another thread; keep moving the fake clock until the refresh comes.
    private async Task NextRefreshAsync(bool advanceTime)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await _refreshed.WaitAsync(TimeSpan.FromMilliseconds(20)))
            {
                return;
            }

            if (advanceTime)
            {
                _time.Advance(Interval);
            }
        }

        throw new TimeoutException("No refresh came.");
    }
}
