namespace Studio.Providers.Local;

/// <summary>A prompt laid out for drawing.</summary>
/// <param name="Lines">The lines, top to bottom; each fits <see cref="SafeArea.Width"/>.</param>
/// <param name="FontSize">Font size in pixels per em.</param>
/// <param name="LineHeight">Distance between baselines in pixels.</param>
/// <param name="Baselines">Baseline of each line, in pixels from the top of the frame.</param>
/// <param name="Area">The safe area the text was fitted into.</param>
internal sealed record TextBlock(IReadOnlyList<string> Lines, int FontSize, int LineHeight, IReadOnlyList<int> Baselines, SafeArea Area);
