using Microsoft.Extensions.Options;
using Studio.Core.Notifications;

namespace Studio.App.Workers;

/// <summary>
/// The hosted service that empties the notification outbox (<see cref="NotificationOutbox"/>): plans new notifications'
/// e-mails and webhooks, sends what is due, then sleeps until signalled or the poll interval passes. Its own loop,
/// apart from the generation workers, so a slow receiver never holds a job.
/// </summary>
internal sealed partial class NotificationWorker(
    NotificationOutbox outbox,
    NotificationSignal signal,
    IOptions<NotificationOptions> options,
    ILogger<NotificationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await outbox.RunOnceAsync(stoppingToken);
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A busy database or a bug in one round must not end notifications for the process.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRoundFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "A notification round failed; trying again after the poll interval")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
