namespace Studio.App.Components;

/// <summary>One segment of the storyboard being edited: what the clip shows and what is said over it.</summary>
/// <param name="Prompt">The visual prompt.</param>
/// <param name="Narration">The narration line.</param>
public sealed record StoryboardLine(string Prompt, string Narration);
