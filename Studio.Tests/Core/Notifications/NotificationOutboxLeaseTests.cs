using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Notifications;
using Studio.Core.Persistence;

namespace Studio.Tests.Core.Notifications;

/// <summary>Two outbox workers over one database (as two processes would be): every message goes out once.</summary>
public sealed class NotificationOutboxLeaseTests : IAsyncLifetime
{
    private readonly HeldMailer _mailer = new();
    private NotificationHarness _harness = null!;
    private NotificationOutbox _first = null!;
    private NotificationOutbox _second = null!;
    private DatabaseWriteGate _secondGate = null!;

    public async Task InitializeAsync()
    {
        _harness = await NotificationHarness.CreateAsync(_mailer);
        _first = _harness.Outbox;

        // Another process: its own outbox and its own write gate, the same database.
        _secondGate = new DatabaseWriteGate(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions()));
        _second = ActivatorUtilities.CreateInstance<NotificationOutbox>(_harness.Services, _secondGate);
    }

    public async Task DisposeAsync()
    {
        _secondGate.Dispose();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task RunOnce_TwoWorkersAtOnce_PlanAndSendEveryMessageOnce()
    {
        for (var i = 0; i < 6; i++)
        {
            await _harness.Driver.CompleteAsync(await _harness.CreateJobAsync($"Video {i}"));
        }

        _mailer.Hold = false;
        await Task.WhenAll(Task.Run(() => _first.RunOnceAsync(CancellationToken.None)), Task.Run(() => _second.RunOnceAsync(CancellationToken.None)));
        await Task.WhenAll(_first.RunOnceAsync(CancellationToken.None), _second.RunOnceAsync(CancellationToken.None));

        (await _harness.DeliveriesAsync()).Should().HaveCount(6, "each notification is planned by one worker only")
            .And.OnlyContain(d => d.State == DeliveryState.Sent && d.Attempts == 1 && d.ClaimedBy == null && d.LeaseUntil == null);
        _mailer.Sent.Select(m => m.Subject).Should().OnlyHaveUniqueItems().And.HaveCount(6);
    }

    [Fact]
    public async Task SendDue_AnotherWorkerIsSendingIt_IsNotSentAgain()
    {
        await _harness.Driver.CompleteAsync(await _harness.CreateJobAsync("Held"));
        await _harness.Driver.CompleteAsync(await _harness.CreateJobAsync("Free"));
        await _first.PlanAsync(CancellationToken.None);

        // The first worker is in the middle of sending its first message (the SMTP server has not answered yet) ...
        var firstRun = Task.Run(() => _first.SendDueAsync(CancellationToken.None));
        var held = await _mailer.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // ... while the second worker goes through what is due: it leaves that one alone and sends the other.
        _mailer.Hold = false;
        await _second.SendDueAsync(CancellationToken.None);
        _mailer.Sent.Should().ContainSingle().Which.Subject.Should().NotBe(held.Subject);

        _mailer.Release.SetResult();
        await firstRun.WaitAsync(TimeSpan.FromSeconds(30));
        _mailer.Sent.Select(m => m.Subject).Should().HaveCount(2).And.OnlyHaveUniqueItems();
        (await _harness.DeliveriesAsync()).Should().OnlyContain(d => d.State == DeliveryState.Sent && d.Attempts == 1);
    }

    [Fact]
    public async Task SendDue_ClaimOfAWorkerThatDied_IsTakenOverOnceTheLeaseRunsOut()
    {
        _mailer.Hold = false;
        await _harness.Driver.CompleteAsync(await _harness.CreateJobAsync());
        await _first.PlanAsync(CancellationToken.None);
        var until = _harness.Time.GetUtcNow() + TimeSpan.FromMinutes(2);
        await using (var db = await _harness.Database.CreateDbContextAsync())
        {
            await db.NotificationDeliveries.ExecuteUpdateAsync(u => u.SetProperty(d => d.ClaimedBy, "dead-worker").SetProperty(d => d.LeaseUntil, until));
        }

        (await _second.SendDueAsync(CancellationToken.None)).Should().Be(0, "the claim still holds");
        (await _second.NextDueAsync(CancellationToken.None)).Should().Be(until, "it is due again when the claim runs out");
        _harness.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        (await _second.SendDueAsync(CancellationToken.None)).Should().Be(1);
        _mailer.Sent.Should().ContainSingle();
        (await _harness.DeliveriesAsync()).Single().State.Should().Be(DeliveryState.Sent);
    }

    /// <summary>An SMTP edge that, while <see cref="Hold"/> is set, keeps the first e-mail waiting until released.</summary>
    private sealed class HeldMailer : INotificationMailer
    {
        public volatile bool Hold = true;

        public ConcurrentQueue<NotificationMail> Sent { get; } = new();

        public TaskCompletionSource<NotificationMail> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsConfigured => true;

        public async Task SendAsync(NotificationMail mail, CancellationToken ct)
        {
            if (Hold && Entered.TrySetResult(mail))
            {
                await Release.Task.WaitAsync(ct);
            }

            // Lets a worker running alongside interleave, as a network round trip would.
            await Task.Yield();
            Sent.Enqueue(mail);
        }
    }
}
