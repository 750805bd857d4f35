namespace Studio.App.Components;

/// <summary>A user's change to one storyboard line.</summary>
/// <param name="Index">The segment, from 0.</param>
/// <param name="Line">Its new prompt and narration.</param>
public sealed record StoryboardEdit(int Index, StoryboardLine Line);
