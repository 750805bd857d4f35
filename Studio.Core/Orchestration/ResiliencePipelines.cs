namespace Studio.Core.Orchestration;

/// <summary>Names of the Polly pipelines Studio registers.</summary>
public static class ResiliencePipelines
{
    /// <summary>
    /// Idempotent provider calls made by the orchestration (status, download): bounded by a timeout. They are not retried
    /// here — hosted providers retry inside their HTTP pipeline, and a call that still fails is rescheduled with back-off
    /// by the work queue, without holding a worker.
    /// </summary>
    public const string ProviderRead = "provider-read";
}
