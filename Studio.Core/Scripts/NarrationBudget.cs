namespace Studio.Core.Scripts;

/// <summary>
/// How much narration fits in a segment. Voices read about 14 to 16 characters a second (espeak-ng at its default
/// 175 words a minute: 15–16); the assembler may speed speech up by a quarter at most, so 14 characters a second
/// leaves room for the slower hosted voices and a breath at each end.
/// </summary>
public static class NarrationBudget
{
    /// <summary>Characters of narration per second of segment.</summary>
    public const int CharactersPerSecond = 14;

    /// <summary>The longest narration line for a segment of <paramref name="seconds"/>.</summary>
    public static int MaxCharacters(int seconds) => Math.Min(Segments.Segment.MaxNarrationLength, Math.Max(1, seconds) * CharactersPerSecond);
}
