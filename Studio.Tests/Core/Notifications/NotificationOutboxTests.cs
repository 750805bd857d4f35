using Studio.Core.Notifications;

namespace Studio.Tests.Core.Notifications;

public sealed class NotificationOutboxTests : IAsyncLifetime
{
    private readonly RecordingMailer _mailer = new();
    private NotificationHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await NotificationHarness.CreateAsync(_mailer);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Plan_SmtpConfigured_PlansOneEmailToTheOwnerOnce()
    {
        var jobId = await _harness.CreateJobAsync("Spring launch");
        await _harness.Driver.CompleteAsync(jobId);

        (await _harness.Outbox.PlanAsync(CancellationToken.None)).Should().Be(1);
        (await _harness.Outbox.PlanAsync(CancellationToken.None)).Should().Be(0, "each notification is planned once");

        var delivery = (await _harness.DeliveriesAsync()).Should().ContainSingle().Subject;
        delivery.Channel.Should().Be(DeliveryChannel.Email);
        delivery.Target.Should().Be(NotificationHarness.Email);
        delivery.Subject.Should().Be("Your video \"Spring launch\" is ready");
        delivery.Body.Should().Contain($"/jobs/{jobId}");
        delivery.State.Should().Be(DeliveryState.Pending);
        (await _harness.NotificationsAsync()).Single().DeliveriesPlanned.Should().BeTrue();
    }

    [Fact]
    public async Task Plan_UserTurnedEmailOff_PlansNoEmail()
    {
        await _harness.Settings.SetEmailAsync(NotificationHarness.UserId, enabled: false, CancellationToken.None);
        await _harness.Driver.CompleteAsync(await _harness.CreateJobAsync());

        await _harness.Outbox.PlanAsync(CancellationToken.None);

        (await _harness.DeliveriesAsync()).Should().BeEmpty();
        (await _harness.NotificationsAsync()).Single().DeliveriesPlanned.Should().BeTrue();
    }

    [Fact]
    public async Task Plan_NoSmtp_PlansNoEmail()
    {
        _mailer.IsConfigured = false;
        await _harness.Driver.CompleteAsync(await _harness.CreateJobAsync());

        await _harness.Outbox.PlanAsync(CancellationToken.None);

        (await _harness.DeliveriesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Plan_WebhookSet_PlansAWebhookWithTheJsonBody()
    {
        _mailer.IsConfigured = false;
        await _harness.Settings.SetWebhookUrlAsync(NotificationHarness.UserId, "https://hooks.example.com/studio", CancellationToken.None);
        var jobId = await _harness.CreateJobAsync("Spring launch");
        await _harness.Driver.FailAsync(jobId, "the provider is down");

        await _harness.Outbox.PlanAsync(CancellationToken.None);

        var delivery = (await _harness.DeliveriesAsync()).Should().ContainSingle().Subject;
        delivery.Channel.Should().Be(DeliveryChannel.Webhook);
        delivery.EventName.Should().Be("job.failed");
        delivery.Target.Should().Be("https://hooks.example.com/studio");
        using var body = System.Text.Json.JsonDocument.Parse(delivery.Body);
        body.RootElement.GetProperty("event").GetString().Should().Be("job.failed");
        body.RootElement.GetProperty("jobId").GetGuid().Should().Be(jobId);
        body.RootElement.GetProperty("title").GetString().Should().Be("Spring launch");
        body.RootElement.GetProperty("status").GetString().Should().Be("Failed");
        body.RootElement.GetProperty("error").GetString().Should().Be("the provider is down");
        body.RootElement.GetProperty("links").GetProperty("job").GetString().Should().Be($"/jobs/{jobId}");
    }

    [Fact]
    public async Task SendDue_Accepted_MarksSentAfterOneAttempt()
    {
        await _harness.Driver.CompleteAsync(await _harness.CreateJobAsync("Spring launch"));

        (await _harness.Outbox.RunOnceAsync(CancellationToken.None)).Should().Be(1);

        _mailer.Sent.Should().ContainSingle().Which.To.Should().Be(NotificationHarness.Email);
        var delivery = (await _harness.DeliveriesAsync()).Single();
        delivery.State.Should().Be(DeliveryState.Sent);
        delivery.Attempts.Should().Be(1);
        delivery.NextAttemptAt.Should().BeNull();
        delivery.LastError.Should().BeNull();
    }

    [Fact]
    public async Task SendDue_Failing_BacksOffDoublingThenGivesUpKeepingTheLastError()
    {
        _mailer.FailNext(10);
        await _harness.Driver.CompleteAsync(await _harness.CreateJobAsync());
        var start = _harness.Time.GetUtcNow();

        await _harness.Outbox.RunOnceAsync(CancellationToken.None);
        var first = (await _harness.DeliveriesAsync()).Single();
        first.Attempts.Should().Be(1);
        first.State.Should().Be(DeliveryState.Pending);
        first.NextAttemptAt.Should().Be(start + TimeSpan.FromSeconds(30));
        first.LastError.Should().Contain("421");

        _harness.Time.Advance(TimeSpan.FromSeconds(29));
        (await _harness.Outbox.SendDueAsync(CancellationToken.None)).Should().Be(0, "the backoff has not passed");

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        (await _harness.Outbox.SendDueAsync(CancellationToken.None)).Should().Be(1);
        var second = (await _harness.DeliveriesAsync()).Single();
        second.Attempts.Should().Be(2);
        second.NextAttemptAt.Should().Be(_harness.Time.GetUtcNow() + TimeSpan.FromSeconds(60), "the wait doubles");

        _harness.Time.Advance(TimeSpan.FromSeconds(60));
        await _harness.Outbox.SendDueAsync(CancellationToken.None);
        var last = (await _harness.DeliveriesAsync()).Single();
        last.Attempts.Should().Be(3);
        last.State.Should().Be(DeliveryState.Failed, "three attempts are allowed here");
        last.NextAttemptAt.Should().BeNull();
        last.LastError.Should().Contain("421 4.3.0 Try again later");

        _harness.Time.Advance(TimeSpan.FromHours(1));
        (await _harness.Outbox.SendDueAsync(CancellationToken.None)).Should().Be(0, "a delivery given up is not tried again");
        _mailer.Sent.Should().BeEmpty();
    }

    [Fact]
    public async Task SendDue_FailsOnceThenWorks_IsSentAtTheSecondAttempt()
    {
        _mailer.FailNext(1);
        await _harness.Driver.CompleteAsync(await _harness.CreateJobAsync());

        await _harness.Outbox.RunOnceAsync(CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        await _harness.Outbox.RunOnceAsync(CancellationToken.None);

        var delivery = (await _harness.DeliveriesAsync()).Single();
        delivery.State.Should().Be(DeliveryState.Sent);
        delivery.Attempts.Should().Be(2);
        delivery.LastError.Should().BeNull();
        _mailer.Sent.Should().ContainSingle();
    }

    [Fact]
    public void RetryDelay_IsCappedAtTheMaximum()
    {
        var options = new NotificationOptions { FirstRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(5) };

        options.RetryDelay(1).Should().Be(TimeSpan.FromSeconds(30));
        options.RetryDelay(4).Should().Be(TimeSpan.FromMinutes(4));
        options.RetryDelay(5).Should().Be(TimeSpan.FromMinutes(5));
        options.RetryDelay(40).Should().Be(TimeSpan.FromMinutes(5));
    }
}
