namespace Studio.Core.Costs;

/// <summary>What a video costs, by part, in USD.</summary>
/// <param name="Segments">The clips, as really requested from their provider.</param>
/// <param name="Script">The storyboard, when a hosted model writes it.</param>
/// <param name="Voice">The voice-over, when a hosted voice speaks it.</param>
public sealed record CostBreakdown(decimal Segments, decimal Script, decimal Voice)
{
    /// <summary>Nothing.</summary>
    public static CostBreakdown Zero { get; } = new(0, 0, 0);

    /// <summary>All parts together.</summary>
    public decimal Total => Segments + Script + Voice;
}
