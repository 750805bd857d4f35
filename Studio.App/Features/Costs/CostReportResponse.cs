using System.Globalization;
using Studio.Core.Costs;

namespace Studio.App.Features.Costs;

/// <summary>A month's spending.</summary>
/// <param name="Month">"YYYY-MM".</param>
/// <param name="TotalUsd">Everything spent, refunds taken off.</param>
/// <param name="Providers">Per provider.</param>
/// <param name="Users">Per user (only the caller, unless an admin asks).</param>
/// <param name="Projection">What 100 videos like this would cost a month, or null.</param>
public sealed record CostReportResponse(string Month, decimal TotalUsd, IReadOnlyList<ProviderSpend> Providers, IReadOnlyList<UserSpend> Users, ProjectionResponse? Projection)
{
    /// <summary>The API's shape of a report.</summary>
    public static CostReportResponse From(CostReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(
            string.Create(CultureInfo.InvariantCulture, $"{report.Year:0000}-{report.Month:00}"),
            report.TotalUsd,
            report.Providers,
            report.Users,
            report.Projection is { } p ? new ProjectionResponse(p.Videos, p.PerVideoUsd, p.TotalUsd, p.Basis, p.Text) : null);
    }
}

/// <summary>"100 videos like this per month ≈ $93".</summary>
/// <param name="Videos">How many.</param>
/// <param name="PerVideoUsd">One's cost.</param>
/// <param name="TotalUsd">All of them.</param>
/// <param name="Basis">What "like this" is.</param>
/// <param name="Text">The sentence.</param>
public sealed record ProjectionResponse(int Videos, decimal PerVideoUsd, decimal TotalUsd, string Basis, string Text);
