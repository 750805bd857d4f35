using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Core.Jobs;

namespace Studio.Core.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.JobTitle).HasMaxLength(Notification.MaxTitleLength);
        builder.Property(n => n.Error).HasMaxLength(Notification.MaxErrorLength);
        builder.Property(n => n.CostUsd).HasPrecision(18, 6);

        // The bell reads a user's newest and counts their unread; the worker looks for those not yet planned.
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => n.DeliveriesPlanned);

        // A deleted job takes its notifications along. No key to the user, as for jobs: the notification is written in the
        // job's own save, which must never fail for want of a user row.
        builder.HasOne<ProductionJob>().WithMany().HasForeignKey(n => n.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("NotificationDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.EventName).HasMaxLength(32);
        builder.Property(d => d.Target).HasMaxLength(NotificationDelivery.MaxTargetLength);
        builder.Property(d => d.Subject).HasMaxLength(300);
        builder.Property(d => d.LastError).HasMaxLength(NotificationDelivery.MaxErrorLength);
        builder.Property(d => d.ClaimedBy).HasMaxLength(200);

        // The worker picks due pending rows; Settings lists a user's newest.
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        builder.HasIndex(d => new { d.UserId, d.CreatedAt });

        // Not tied to the notification: a deleted job must not cancel the message already owed for it.
    }
}

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.Property(p => p.WebhookUrl).HasMaxLength(NotificationPreferences.MaxUrlLength);
        builder.Property(p => p.WebhookSecret).HasMaxLength(128);

        // Rows saved before e-mails had a language were all sent in English.
        builder.Property(p => p.EmailLanguage).HasMaxLength(EmailLanguages.MaxLength).HasDefaultValue(EmailLanguages.English);
    }
}
