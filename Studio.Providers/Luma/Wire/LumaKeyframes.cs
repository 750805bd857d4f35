namespace Studio.Providers.Luma.Wire;

/// <summary>The <c>keyframes</c> of a request: Studio only sets the first frame.</summary>
/// <param name="Frame0">The image the clip starts from.</param>
public sealed record LumaKeyframes(LumaKeyframe Frame0);
