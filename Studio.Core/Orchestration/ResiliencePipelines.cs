namespace Studio.Core.Orchestration;

/// <summary>Names of the Polly pipelines Studio registers.</summary>
public static class ResiliencePipelines
{
    /// <summary>Idempotent provider calls (status, download, cancel): retried with backoff on transient failures.</summary>
    public const string ProviderRead = "provider-read";
}
