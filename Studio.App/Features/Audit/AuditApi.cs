using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Studio.App.Features.Common;
using Studio.Core.Accounts;
using Studio.Core.Audit;
using Studio.Core.Common;

namespace Studio.App.Features.Audit;

/// <summary>
/// <c>GET /api/audit?page=&amp;pageSize=&amp;userId=&amp;action=</c> (admins only): who created, started, cancelled, retried,
/// regenerated or deleted which job, who changed which template, and what it cost — newest first, with
/// <c>X-Total-Count</c>. Details with words of ours ("owner", "monthly budget") are in the caller's language
/// (Accept-Language); titles, e-mails and prompts as written.
/// </summary>
internal static class AuditApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(policy => policy.RequireRole(StudioRoles.Admin)).MapGet("/", ListAudit);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, ValidationProblem>> ListAudit(
        int? page, int? pageSize, string? userId, string? action, AuditLog audit, IStringLocalizerFactory localizers, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        Paging.Check(page, pageSize, MaxPageSize, localizers, errors);

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var (items, total) = await audit.PageAsync(page ?? 1, pageSize ?? 50, TextInput.Clean(userId), TextInput.Clean(action), ct);
        context.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(items);
    }
}
