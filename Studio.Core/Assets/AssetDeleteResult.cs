namespace Studio.Core.Assets;

/// <summary>What a delete did, and when refused, why.</summary>
/// <param name="Outcome">Deleted, not found or in use.</param>
/// <param name="Detail">For <see cref="AssetDeleteOutcome.InUse"/>: which jobs use it.</param>
public sealed record AssetDeleteResult(AssetDeleteOutcome Outcome, string? Detail = null);
