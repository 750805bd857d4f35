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
        return services;
    }
}
