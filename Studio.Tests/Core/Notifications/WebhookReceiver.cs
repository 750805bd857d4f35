using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Studio.Tests.Fakes;

namespace Studio.Tests.Core.Notifications;

/// <summary>
/// A webhook receiver on 127.0.0.1 (Kestrel): records every POST and answers the scripted statuses in order, then 200.
/// </summary>
public sealed class WebhookReceiver : FakeHttpServer
{
    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly TaskCompletionSource<RecordedRequest> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the first request received.</summary>
    public Task<RecordedRequest> FirstRequest => _first.Task;

    public static async Task<WebhookReceiver> StartNewAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        return receiver;
    }

    /// <summary>The URL to configure as the webhook.</summary>
    public string Url => new Uri(BaseUrl, "hooks/studio").ToString();

    /// <summary>Answers the next requests with these statuses (then 200).</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    protected override async Task HandleAsync(HttpContext context, RecordedRequest request)
    {
        var status = _statuses.TryDequeue(out var scripted) ? scripted : 200;
        _first.TrySetResult(request);
        await JsonAsync(context, status, status == 200 ? """{"ok":true}""" : """{"error":"receiver trouble"}""");
    }
}
