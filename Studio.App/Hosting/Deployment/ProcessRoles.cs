namespace Studio.App.Hosting.Deployment;

/// <summary>What one Studio process does (<c>Studio:Roles</c>): serve people, work the queue, or both (the default).</summary>
[Flags]
internal enum ProcessRoles
{
    /// <summary>Nothing: never a valid setting, refused at start.</summary>
    None = 0,

    /// <summary>Pages, the API and Blazor's hub; no generation or notification loops.</summary>
    Web = 1,

    /// <summary>The worker loop (segments, assemblies, settling) and the notification outbox; only the health endpoints.</summary>
    Worker = 2,
}
