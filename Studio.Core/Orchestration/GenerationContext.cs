using Studio.Core.Jobs;
using Studio.Core.Templates;

namespace Studio.Core.Orchestration;

/// <summary>What a segment's generation needs to know of its job.</summary>
/// <param name="JobId">The job.</param>
/// <param name="OwnerId">Its owner.</param>
/// <param name="Status">The job's status when the segment was claimed.</param>
/// <param name="StylePrompt">The template's style words.</param>
/// <param name="AspectRatio">Frame shape.</param>
/// <param name="ProviderChain">The job's provider followed by its fallbacks, in order.</param>
public sealed record GenerationContext(Guid JobId, string OwnerId, JobStatus Status, string StylePrompt, AspectRatio AspectRatio, IReadOnlyList<string> ProviderChain)
{
    /// <summary>The provider after <paramref name="current"/> in the chain; null at its end.</summary>
    public string? NextProviderAfter(string current)
    {
        var at = ProviderChain.ToList().FindIndex(p => string.Equals(p, current, StringComparison.OrdinalIgnoreCase));
        return at >= 0 && at + 1 < ProviderChain.Count ? ProviderChain[at + 1] : null;
    }
}
