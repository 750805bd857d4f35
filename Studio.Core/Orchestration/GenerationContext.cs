using Studio.Core.Templates;

namespace Studio.Core.Orchestration;

/// <summary>What a segment's generation needs to know of its job.</summary>
/// <param name="JobId">The job.</param>
/// <param name="OwnerId">Its owner.</param>
/// <param name="StylePrompt">The template's style words.</param>
/// <param name="AspectRatio">Frame shape.</param>
public sealed record GenerationContext(Guid JobId, string OwnerId, string StylePrompt, AspectRatio AspectRatio);
