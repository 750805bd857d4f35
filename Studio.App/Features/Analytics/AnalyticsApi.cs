using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Studio.App.Auth;
using Studio.Core.Accounts;
using Studio.Core.Analytics;
using Studio.Core.Common;

namespace Studio.App.Features.Analytics;

/// <summary>
/// <c>GET /api/analytics/export.csv?period=week|month[&amp;all=true]</c>: the last twelve weeks or months of spend by
/// provider and by template as a CSV download. A user gets their own jobs; an admin may ask for everyone's.
/// </summary>
internal static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/analytics").WithTags("Analytics").MapGet("/export.csv", ExportCsv);
        return app;
    }

    /// <summary>The link the analytics page offers for a period (and, for admins, everyone).</summary>
    public static string ExportUrl(AnalyticsPeriod period, bool all) =>
        "/api/analytics/export.csv?period=" + (period == AnalyticsPeriod.Week ? "week" : "month") + (all ? "&all=true" : string.Empty);

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> ExportCsv(
        string? period, bool? all, ClaimsPrincipal user, AnalyticsQueries analytics, TimeProvider time, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        AnalyticsPeriod? parsed = (period ?? "month").Trim().ToUpperInvariant() switch
        {
            "WEEK" => AnalyticsPeriod.Week,
            "MONTH" => AnalyticsPeriod.Month,
            _ => null,
        };
        if (parsed is not { } chosen)
        {
            var errors = new ValidationErrors();
            errors.Add("period", localizers.Create(typeof(AnalyticsApi))["'{0}' is not a period; use week or month.", TextInput.Clean(period)]);
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (all == true && !user.IsInRole(StudioRoles.Admin))
        {
            return TypedResults.Forbid();
        }

        var report = await analytics.ReportAsync(all == true ? null : user.RequireUserId(), chosen, AnalyticsQueries.DefaultPeriods, ct);
        var name = string.Create(CultureInfo.InvariantCulture, $"studio-analytics-{(chosen == AnalyticsPeriod.Week ? "weekly" : "monthly")}{(all == true ? "-all" : string.Empty)}-{time.GetUtcNow():yyyy-MM-dd}.csv");
        return TypedResults.File(Encoding.UTF8.GetBytes(AnalyticsCsv.Write(report)), "text/csv; charset=utf-8", name);
    }
}
