using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Studio.Core.Accounts;
using Studio.Core.Jobs;
using Studio.Core.Notifications;
using Studio.Core.Persistence;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Notifications;

/// <summary>
/// Studio's real Core services (<see cref="StudioServicesBuilder"/>) plus the notification services, on a fake clock,
/// with a given mailer (the SMTP edge) and the real webhook sender over a plain HttpClient.
/// </summary>
public sealed class NotificationHarness : IAsyncDisposable
{
    public const string UserId = "user-1";
    public const string Email = "owner@studio.test";

    private ServiceProvider _provider = null!;
    private TestDatabase _database = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public NotificationOptions Options { get; } = new() { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromMinutes(10) };

    public IServiceProvider Services => _provider;

    public JobService Jobs => _provider.GetRequiredService<JobService>();

    public JobDriver Driver => _provider.GetRequiredService<JobDriver>();

    public NotificationOutbox Outbox => _provider.GetRequiredService<NotificationOutbox>();

    public NotificationSettings Settings => _provider.GetRequiredService<NotificationSettings>();

    public NotificationCenter Center => _provider.GetRequiredService<NotificationCenter>();

    public IDbContextFactory<StudioDbContext> Database => _provider.GetRequiredService<IDbContextFactory<StudioDbContext>>();

    public static async Task<NotificationHarness> CreateAsync(INotificationMailer mailer, Action<NotificationOptions>? configure = null)
    {
        var harness = new NotificationHarness();
        configure?.Invoke(harness.Options);
        var services = new ServiceCollection();
        harness._database = await new StudioServicesBuilder().WithTime(harness.Time).AddToAsync(services);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(harness.Options));
        services.AddSingleton(mailer);
        services.AddSingleton<IWebhookSender>(sp => new HttpWebhookSender(new HttpClient(), harness.Time));
        services.AddSingleton<NotificationSignal>();
        services.AddLocalization();
        services.AddSingleton<NotificationMessages>();
        services.AddSingleton<NotificationCenter>();
        services.AddSingleton<NotificationSettings>();
        services.AddSingleton<NotificationOutbox>();
        harness._provider = services.BuildServiceProvider();

        await using var db = await harness.Database.CreateDbContextAsync();
        db.Users.Add(new StudioUser { Id = UserId, UserName = Email, Email = Email, NormalizedEmail = Email.ToUpperInvariant(), NormalizedUserName = Email.ToUpperInvariant() });
        await db.SaveChangesAsync();
        return harness;
    }

    /// <summary>A Draft job of the user, through the real job service.</summary>
    public async Task<Guid> CreateJobAsync(string title = "Spring launch")
    {
        var result = await Jobs.CreateAsync(UserId, new CreateJobCommand(title, "Three habits of fast remote teams", DefaultTemplates.Reels30), CancellationToken.None);
        return result.Job!.Id;
    }

    public async Task<List<Notification>> NotificationsAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().OrderBy(n => n.CreatedAt).ToListAsync();
    }

    public async Task<List<NotificationDelivery>> DeliveriesAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.NotificationDeliveries.AsNoTracking().OrderBy(d => d.CreatedAt).ThenBy(d => d.Channel).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _database.DisposeAsync();
    }
}
