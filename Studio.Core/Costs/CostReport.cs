namespace Studio.Core.Costs;

/// <summary>One month's spending.</summary>
/// <param name="Year">Year.</param>
/// <param name="Month">Month, 1 to 12.</param>
/// <param name="TotalUsd">Everything spent (refunds taken off).</param>
/// <param name="Providers">Per provider (video providers, the script writer, voice engines).</param>
/// <param name="Users">Per user.</param>
/// <param name="Projection">What a number of videos like the average one of the month (or a given job) would cost; null when there is nothing to go by.</param>
public sealed record CostReport(int Year, int Month, decimal TotalUsd, IReadOnlyList<ProviderSpend> Providers, IReadOnlyList<UserSpend> Users, CostProjection? Projection);

/// <summary>A provider's part of a month.</summary>
/// <param name="Provider">Its name.</param>
/// <param name="AmountUsd">Spent, refunds taken off.</param>
/// <param name="Charges">Charges (clips, storyboards, voice-overs).</param>
/// <param name="Refunds">Refunds.</param>
public sealed record ProviderSpend(string Provider, decimal AmountUsd, int Charges, int Refunds);

/// <summary>A user's part of a month.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Email">Their e-mail address, when known.</param>
/// <param name="AmountUsd">Spent, refunds taken off.</param>
/// <param name="Jobs">Jobs that spent something.</param>
public sealed record UserSpend(string UserId, string? Email, decimal AmountUsd, int Jobs);

/// <summary>"100 videos like this per month ≈ $93".</summary>
/// <param name="Videos">How many videos.</param>
/// <param name="PerVideoUsd">What one costs.</param>
/// <param name="TotalUsd">What they cost together.</param>
/// <param name="Basis">What "like this" is: a job's estimate, or the month's average finished video.</param>
public sealed record CostProjection(int Videos, decimal PerVideoUsd, decimal TotalUsd, string Basis)
{
    /// <summary>The projection in a sentence.</summary>
    public string Text => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Videos} videos like this per month ≈ ${TotalUsd:0.##}");
}
