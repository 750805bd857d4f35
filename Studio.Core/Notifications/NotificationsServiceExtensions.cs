using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Studio.Core.Notifications;

/// <summary>Registers the notification services (the host adds the webhook's <see cref="HttpClient"/> and the worker).</summary>
public static class NotificationsServiceExtensions
{
    /// <summary>Adds <see cref="NotificationOptions"/> (validated at start), the bell's center, settings, the outbox and the MailKit mailer.</summary>
    public static IServiceCollection AddStudioNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<INotificationMailer, MailKitNotificationMailer>();
        services.AddSingleton<NotificationSignal>();
        services.AddSingleton<NotificationMessages>();
        services.AddSingleton<NotificationCenter>();
        services.AddSingleton<NotificationSettings>();
        services.AddSingleton<NotificationOutbox>();

        // A host without the web app's typed client (a worker, a test host) still sends webhooks: no redirects, the
        // outbox's own retries. The web app registers its IHttpClientFactory client after this, which then wins.
        services.TryAddSingleton<IWebhookSender>(sp => new HttpWebhookSender(
            new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true)
            {
                Timeout = Timeout.InfiniteTimeSpan,
            },
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
