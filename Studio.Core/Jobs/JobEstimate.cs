using Studio.Core.Costs;

namespace Studio.Core.Jobs;

/// <summary>What a job would cost before it is made.</summary>
/// <param name="Provider">The provider's name.</param>
/// <param name="ProviderDisplayName">The provider's name as users read it.</param>
/// <param name="Cost">By part: segments, storyboard, voice-over.</param>
/// <param name="Segments">Per segment: what is really requested and its price.</param>
public sealed record JobEstimate(string Provider, string ProviderDisplayName, CostBreakdown Cost, IReadOnlyList<SegmentEstimate> Segments);

/// <summary>One segment's part of an estimate.</summary>
/// <param name="Index">Position, from 0.</param>
/// <param name="Seconds">The segment's length.</param>
/// <param name="Model">The model asked.</param>
/// <param name="Resolution">The resolution asked, or empty.</param>
/// <param name="ClipSeconds">The clip length asked (the nearest the provider makes, at least the segment's when it can).</param>
/// <param name="PriceUsd">Its price.</param>
public sealed record SegmentEstimate(int Index, int Seconds, string Model, string Resolution, double ClipSeconds, decimal PriceUsd);

/// <summary>An estimate, or why there is none.</summary>
/// <param name="Estimate">The estimate, when the command is valid.</param>
/// <param name="Errors">What is wrong, when it is not.</param>
public sealed record JobEstimateResult(JobEstimate? Estimate, Common.ValidationErrors? Errors);
