using Studio.Core.Templates;

namespace Studio.Core.Orchestration;

/// <summary>What a segment's generation needs to know of its job.</summary>
/// <param name="JobId">The job.</param>
/// <param name="OwnerId">Its owner.</param>
/// <param name="StylePrompt">The template's style words.</param>
/// <param name="AspectRatio">Frame shape.</param>
/// <param name="Worker">The worker holding the job's lease; every write checks it still does.</param>
public sealed record GenerationContext(Guid JobId, string OwnerId, string StylePrompt, AspectRatio AspectRatio, string Worker);
