namespace Studio.Core.Scripts;

/// <summary>A written video: the hook (said over the first scene), one scene per segment, the call to action (said over the last).</summary>
/// <param name="Hook">The opening line.</param>
/// <param name="Scenes">One per segment, in order.</param>
/// <param name="CallToAction">The closing line.</param>
public sealed record Storyboard(string Hook, IReadOnlyList<StoryboardScene> Scenes, string CallToAction);
