using Studio.Core.Segments;

namespace Studio.Core.Jobs;

/// <summary>One clip made for a segment.</summary>
/// <param name="Number">1 for the first take, then 2, 3…</param>
/// <param name="Provider">The provider that made it.</param>
/// <param name="Prompt">The prompt it was made from.</param>
/// <param name="CostUsd">What it cost.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="IsSelected">True when it is the one in the cut.</param>
public sealed record TakeDetails(int Number, string Provider, string Prompt, decimal CostUsd, DateTimeOffset CreatedAt, bool IsSelected)
{
    internal static TakeDetails From(SegmentTake take, int? selected) =>
        new(take.Number, take.Provider, take.Prompt, take.CostUsd, take.CreatedAt, take.Number == selected);
}
