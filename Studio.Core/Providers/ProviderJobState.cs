namespace Studio.Core.Providers;

/// <summary>The coarse state of a provider's generation.</summary>
public enum ProviderJobState
{
    /// <summary>Waiting at the provider.</summary>
    Queued,

    /// <summary>Being rendered.</summary>
    Running,

    /// <summary>Done; the clip can be downloaded.</summary>
    Succeeded,

    /// <summary>Failed; see <see cref="ProviderJobStatus.IsPermanent"/>.</summary>
    Failed,
}
