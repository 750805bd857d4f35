using Studio.Core.Common;

namespace Studio.Core.Notifications;

/// <summary>Wakes the notification worker when something was queued (a test message), so it is sent at once rather than at the next poll.</summary>
public sealed class NotificationSignal : WakeSignal;
