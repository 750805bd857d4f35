using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Studio.App.Auth;
using Studio.Core.Accounts;
using Studio.Core.Common;
using Studio.Core.Costs;

namespace Studio.App.Features.Costs;

/// <summary>
/// <c>GET /api/costs?month=YYYY-MM[&amp;jobId=…]</c>: a month's spending per provider and per user, with a projection
/// ("100 videos like this per month ≈ $93"). Users see their own spending; admins see everyone's.
/// </summary>
internal static class CostsApi
{
    public static IEndpointRouteBuilder MapCostsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/costs").WithTags("Costs").MapGet("/", GetMonth);
        return app;
    }

    public static async Task<Results<Ok<CostReportResponse>, ValidationProblem>> GetMonth(
        string? month, Guid? jobId, ClaimsPrincipal user, CostReports reports, TimeProvider time, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (year, number) = (now.Year, now.Month);
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                var errors = new ValidationErrors();
                errors.Add("month", localizers.Create(typeof(CostsApi))["'{0}' is not a month; write it as YYYY-MM, e.g. {1}.", TextInput.Clean(month), now.ToString("yyyy-MM", CultureInfo.InvariantCulture)]);
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            (year, number) = (parsed.Year, parsed.Month);
        }

        var owner = user.IsInRole(StudioRoles.Admin) ? null : user.RequireUserId();
        var report = await reports.MonthAsync(owner, year, number, jobId, ct);
        return TypedResults.Ok(CostReportResponse.From(report));
    }
}
