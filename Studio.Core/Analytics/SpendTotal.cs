namespace Studio.Core.Analytics;

/// <summary>What was spent with one provider (or template) in a span, from the cost ledger, and on how many jobs.</summary>
public sealed record SpendTotal(string Name, decimal AmountUsd, int Jobs);
