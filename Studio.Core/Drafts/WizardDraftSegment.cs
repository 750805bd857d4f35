using Studio.Core.Segments;

namespace Studio.Core.Drafts;

/// <summary>One storyboard card of a wizard draft.</summary>
/// <param name="Prompt">What the clip shows.</param>
/// <param name="Narration">What the voice says over it.</param>
/// <param name="Mode">The segment's own mode (hybrid only); null for the brief's.</param>
/// <param name="AssetId">The image or clip it starts from; null for none.</param>
/// <param name="Edited">True once the user changed the prompt or narration: a new theme then leaves it alone.</param>
public sealed record WizardDraftSegment(string Prompt, string Narration, GenerationMode? Mode = null, Guid? AssetId = null, bool Edited = false);
