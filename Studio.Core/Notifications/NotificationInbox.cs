namespace Studio.Core.Notifications;

/// <summary>What the bell shows: the unread count and the newest notifications.</summary>
/// <param name="Unread">How many are unread.</param>
/// <param name="Latest">The newest, newest first.</param>
public sealed record NotificationInbox(int Unread, IReadOnlyList<NotificationSummary> Latest);
