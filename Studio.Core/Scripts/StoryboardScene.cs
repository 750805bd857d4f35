namespace Studio.Core.Scripts;

/// <summary>One segment of a storyboard.</summary>
/// <param name="Prompt">What the clip shows (sent to the video provider).</param>
/// <param name="Narration">What the voice says and the captions show over it.</param>
public sealed record StoryboardScene(string Prompt, string Narration);
