using Studio.Core.Jobs;

namespace Studio.App.Features.Jobs;

/// <summary>What a job would cost, before it is created (<c>POST /api/jobs/estimate</c>).</summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="ProviderName">The provider's name as users read it.</param>
/// <param name="EstimatedCostUsd">The total.</param>
/// <param name="EstimatedCost">By part.</param>
/// <param name="Segments">Per segment: the model, resolution and clip length really requested, and its price.</param>
public sealed record EstimateResponse(string Provider, string ProviderName, decimal EstimatedCostUsd, CostResponse EstimatedCost, IReadOnlyList<SegmentEstimate> Segments)
{
    /// <summary>The API's shape of an estimate.</summary>
    public static EstimateResponse From(JobEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return new(estimate.Provider, estimate.ProviderDisplayName, estimate.Cost.Total, CostResponse.From(estimate.Cost), estimate.Segments);
    }
}
