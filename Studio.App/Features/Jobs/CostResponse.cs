using Studio.Core.Costs;

namespace Studio.App.Features.Jobs;

/// <summary>A cost by part, in USD.</summary>
/// <param name="Segments">The clips.</param>
/// <param name="Script">The storyboard written by a hosted model.</param>
/// <param name="Voice">The voice-over spoken by a hosted voice.</param>
/// <param name="Total">All together.</param>
public sealed record CostResponse(decimal Segments, decimal Script, decimal Voice, decimal Total)
{
    /// <summary>The API's shape of a breakdown.</summary>
    public static CostResponse From(CostBreakdown cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new(cost.Segments, cost.Script, cost.Voice, cost.Total);
    }
}
