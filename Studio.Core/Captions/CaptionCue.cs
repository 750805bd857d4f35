namespace Studio.Core.Captions;

/// <summary>One caption on screen: one or two lines from <see cref="Start"/> to <see cref="End"/> of the cut.</summary>
/// <param name="Start">When it appears.</param>
/// <param name="End">When it goes.</param>
/// <param name="Lines">Its lines, each at most <see cref="CaptionLines.MaxLineLength"/> characters where the words allow.</param>
public sealed record CaptionCue(TimeSpan Start, TimeSpan End, IReadOnlyList<string> Lines);
