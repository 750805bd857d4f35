using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Studio.Core.Accounts;
using Studio.Core.Notifications;
using Studio.Tests.Core.Notifications;

namespace Studio.Tests.Components;

/// <summary>
/// <see cref="StudioComponentTest"/> plus the notification services and API tokens, with a recording mailer standing in
/// for SMTP (configured unless a test says otherwise) and a webhook sender that is never reached here.
/// </summary>
public abstract class NotificationComponentTest : StudioComponentTest
{
    protected RecordingMailer Mailer { get; } = new();

    protected NotificationCenter Center => Services.GetRequiredService<NotificationCenter>();

    protected NotificationSettings NotificationSettings => Services.GetRequiredService<NotificationSettings>();

    protected ApiTokenService Tokens => Services.GetRequiredService<ApiTokenService>();

    public override async Task InitializeAsync()
    {
        // Registered before the base class builds the renderer, which freezes the services.
        Services.AddSingleton(Options.Create(new NotificationOptions()));
        Services.AddSingleton<INotificationMailer>(Mailer);
        Services.AddSingleton<IWebhookSender>(sp => new HttpWebhookSender(new HttpClient(), sp.GetRequiredService<TimeProvider>()));
        Services.AddSingleton<NotificationSignal>();
        Services.AddSingleton<NotificationMessages>();
        Services.AddSingleton<NotificationCenter>();
        Services.AddSingleton<NotificationSettings>();
        Services.AddOptions<AccountOptions>();
        Services.AddSingleton<ApiTokenService>();
        await base.InitializeAsync();

        // API tokens belong to a user row (a foreign key); the signed-in test user gets one.
        await using var db = await Database.CreateDbContextAsync();
        db.Users.Add(new StudioUser { Id = UserId, UserName = "user@studio.test", Email = "user@studio.test" });
        await db.SaveChangesAsync();
    }
}
