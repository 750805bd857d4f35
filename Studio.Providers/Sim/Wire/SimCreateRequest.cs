namespace Studio.Providers.Sim.Wire;

/// <summary>Body of <c>POST /v1/generations</c>.</summary>
/// <param name="Prompt">What the clip should show (required, at most 2000 characters).</param>
/// <param name="Mode">One of <see cref="SimModes"/>.</param>
/// <param name="Width">Frame width in pixels (even, 16 to 4096).</param>
/// <param name="Height">Frame height in pixels (even, 16 to 4096).</param>
/// <param name="DurationSeconds">Clip length, more than 0 and at most 10.</param>
/// <param name="ClientReference">The caller's own name for this submission; generations can be listed by it.</param>
/// <param name="SegmentId">The caller's segment, counted by the server's statistics.</param>
public sealed record SimCreateRequest(
    string? Prompt,
    string? Mode,
    int Width,
    int Height,
    double DurationSeconds,
    string? ClientReference,
    Guid? SegmentId);
