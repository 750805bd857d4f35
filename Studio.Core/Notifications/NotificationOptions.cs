using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace Studio.Core.Notifications;

/// <summary>Notification delivery settings, under <c>Studio:Notifications</c>.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:Notifications";

    /// <summary>Attempts per e-mail or webhook before giving up. Default 6.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait after the first failed attempt; doubled after each further one. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two attempts. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the worker looks for work when nothing woke it. Default 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest a single e-mail or webhook attempt may take. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The SMTP server; without a host no e-mail is sent.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The wait before attempt <paramref name="attemptsMade"/> + 1: first delay doubled per failure, capped.</summary>
    public TimeSpan RetryDelay(int attemptsMade)
    {
        var factor = Math.Pow(2, Math.Clamp(attemptsMade - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstRetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay;
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Smtp.IsConfigured)
        {
            yield break;
        }

        if (Smtp.Port is < 1 or > 65535)
        {
            yield return new ValidationResult($"{Section}:Smtp:Port must be between 1 and 65535.", [nameof(Smtp)]);
        }

        if (!MailAddress.TryCreate(Smtp.From, out _))
        {
            yield return new ValidationResult($"{Section}:Smtp:From must be an e-mail address when a host is set.", [nameof(Smtp)]);
        }
    }
}
