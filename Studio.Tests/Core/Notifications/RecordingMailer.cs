using System.Collections.Concurrent;
using Studio.Core.Notifications;

namespace Studio.Tests.Core.Notifications;

/// <summary>Stands in for the SMTP edge: records e-mails, or throws for the next <see cref="FailNext"/> of them.</summary>
public sealed class RecordingMailer : INotificationMailer
{
    private int _failures;

    public ConcurrentQueue<NotificationMail> Sent { get; } = new();

    public bool IsConfigured { get; set; } = true;

    public void FailNext(int count) => _failures = count;

    public Task SendAsync(NotificationMail mail, CancellationToken ct)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InvalidOperationException("421 4.3.0 Try again later");
        }

        Sent.Enqueue(mail);
        return Task.CompletedTask;
    }
}
