using System.Globalization;
using System.Text.Json;
using Studio.Core.Notifications;

namespace Studio.Tests.Core.Notifications;

/// <summary>The real webhook sender POSTing to a receiver on 127.0.0.1, through the outbox.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
{
    private NotificationHarness _harness = null!;
    private WebhookReceiver _receiver = null!;
    private string _secret = null!;

    public async Task InitializeAsync()
    {
        _harness = await NotificationHarness.CreateAsync(new RecordingMailer { IsConfigured = false });
        _receiver = await WebhookReceiver.StartNewAsync();
        (await _harness.Settings.SetWebhookUrlAsync(NotificationHarness.UserId, _receiver.Url, CancellationToken.None)).Should().Be(WebhookUrlProblem.None);
        _secret = await _harness.Settings.GenerateSecretAsync(NotificationHarness.UserId, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task JobCompletes_ReceiverGetsASignedJsonPost()
    {
        var jobId = await _harness.CreateJobAsync("Spring launch");
        await _harness.Driver.CompleteAsync(jobId, costPerSegmentUsd: 0.1m);

        await _harness.Outbox.RunOnceAsync(CancellationToken.None);

        var request = _receiver.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/hooks/studio");
        request.Headers["Content-Type"].Should().StartWith("application/json");
        request.Headers[WebhookSignature.EventHeader].Should().Be("job.completed");
        var timestamp = long.Parse(request.Headers[WebhookSignature.TimestampHeader], CultureInfo.InvariantCulture);
        timestamp.Should().Be(_harness.Time.GetUtcNow().ToUnixTimeSeconds());
        WebhookSignature.Verify(_secret, timestamp, request.Body, request.Headers[WebhookSignature.SignatureHeader]).Should().BeTrue();
        WebhookSignature.Verify("whsec_wrong", timestamp, request.Body, request.Headers[WebhookSignature.SignatureHeader]).Should().BeFalse();
        WebhookSignature.Verify(_secret, timestamp + 1, request.Body, request.Headers[WebhookSignature.SignatureHeader]).Should().BeFalse("the timestamp is signed too");

        using var body = JsonDocument.Parse(request.Body);
        body.RootElement.GetProperty("event").GetString().Should().Be("job.completed");
        body.RootElement.GetProperty("jobId").GetGuid().Should().Be(jobId);
        body.RootElement.GetProperty("status").GetString().Should().Be("Completed");
        body.RootElement.GetProperty("costUsd").GetDecimal().Should().BeGreaterThan(0);
        body.RootElement.GetProperty("links").GetProperty("video").GetString().Should().Be($"/api/jobs/{jobId}/video");
    }

    [Fact]
    public async Task ReceiverAnswers500ThenOk_SentAtTheSecondAttemptWithTheSameBodyAndId()
    {
        _receiver.AnswerNext(500);
        await _harness.Driver.FailAsync(await _harness.CreateJobAsync(), "the provider is down");

        await _harness.Outbox.RunOnceAsync(CancellationToken.None);
        var failed = (await _harness.DeliveriesAsync()).Single();
        failed.State.Should().Be(DeliveryState.Pending);
        failed.LastError.Should().Be("The webhook answered HTTP 500 Internal Server Error.", "our sentence around the receiver's own words");

        _harness.Time.Advance(TimeSpan.FromSeconds(30));
        await _harness.Outbox.RunOnceAsync(CancellationToken.None);

        var sent = (await _harness.DeliveriesAsync()).Single();
        sent.State.Should().Be(DeliveryState.Sent);
        sent.Attempts.Should().Be(2);
        var requests = _receiver.Requests.ToList();
        requests.Should().HaveCount(2);
        requests[1].Body.Should().Be(requests[0].Body);
        requests[1].Headers[WebhookSignature.DeliveryHeader].Should().Be(requests[0].Headers[WebhookSignature.DeliveryHeader], "a receiver drops repeats by this id");
    }

    [Fact]
    public async Task ReceiverAnswers503_TheStoredReasonIsOurSentence_ReadInFrenchWithTheReceiversWordsAsWritten()
    {
        _receiver.AnswerNext(503);
        await _harness.Driver.FailAsync(await _harness.CreateJobAsync(), "the provider is down");

        await _harness.Outbox.RunOnceAsync(CancellationToken.None);

        var listed = (await CoreLocalizers.InCultureAsync("fr-FR", () => _harness.Settings.RecentDeliveriesAsync(NotificationHarness.UserId, CancellationToken.None))).Single();
        listed.LastError.Should().Be("Le webhook a répondu HTTP 503 Service Unavailable.");

        (await _harness.DeliveriesAsync()).Single().LastError.Should().Be("The webhook answered HTTP 503 Service Unavailable.");
    }

    [Fact]
    public async Task Worker_SendTestWakesItBeforeThePoll()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new NotificationOptions { PollInterval = TimeSpan.FromMinutes(10) });
        var signal = (NotificationSignal)_harness.Services.GetService(typeof(NotificationSignal))!;
        using var worker = new Studio.App.Workers.NotificationWorker(_harness.Outbox, signal, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<Studio.App.Workers.NotificationWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await _harness.Settings.SendTestAsync(NotificationHarness.UserId, CancellationToken.None);

            var request = await _receiver.FirstRequest.WaitAsync(TimeSpan.FromSeconds(20));

            request.Headers[WebhookSignature.EventHeader].Should().Be("test");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task SendTest_PostsATestEvent()
    {
        (await _harness.Settings.SendTestAsync(NotificationHarness.UserId, CancellationToken.None)).Should().BeTrue();

        await _harness.Outbox.RunOnceAsync(CancellationToken.None);

        var request = _receiver.Requests.Should().ContainSingle().Subject;
        request.Headers[WebhookSignature.EventHeader].Should().Be("test");
        var recent = await _harness.Settings.RecentDeliveriesAsync(NotificationHarness.UserId, CancellationToken.None);
        recent.Should().ContainSingle().Which.State.Should().Be(DeliveryState.Sent);
    }
}
