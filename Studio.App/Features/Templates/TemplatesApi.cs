using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Studio.App.Auth;
using Studio.Core.Accounts;
using Studio.Core.Templates;

namespace Studio.App.Features.Templates;

/// <summary>
/// The templates API: everyone signed in lists and reads the templates in use and may make new ones; a template is
/// changed or deleted by its author or an admin (the built-in ones by admins only: 403 otherwise). A deleted template
/// is archived: gone from lists and new jobs, while the jobs made from it are untouched.
/// </summary>
internal static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("/api/templates").WithTags("Templates");
        templates.MapGet("/", ListTemplates);
        templates.MapGet("/{id:guid}", GetTemplate);
        templates.MapPost("/", CreateTemplate);
        templates.MapPut("/{id:guid}", UpdateTemplate);
        templates.MapDelete("/{id:guid}", DeleteTemplate);
        return app;
    }

    public static async Task<Ok<IEnumerable<TemplateResponse>>> ListTemplates(TemplateCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.ListAsync(ct)).Select(TemplateResponse.From));

    public static async Task<Results<Ok<TemplateDetailResponse>, NotFound>> GetTemplate(Guid id, ClaimsPrincipal user, TemplateEditor editor, CancellationToken ct) =>
        await editor.GetAsync(id, ct) is { } template
            ? TypedResults.Ok(TemplateDetailResponse.From(template, user.RequireUserId(), user.IsInRole(StudioRoles.Admin)))
            : TypedResults.NotFound();

    public static async Task<Results<Created<TemplateDetailResponse>, ValidationProblem>> CreateTemplate(
        TemplateInput input, ClaimsPrincipal user, TemplateEditor editor, CancellationToken ct)
    {
        var result = await editor.CreateAsync(user.RequireUserId(), input, ct);
        return result.Template is { } template
            ? TypedResults.Created($"/api/templates/{template.Id}", TemplateDetailResponse.From(template, user.RequireUserId(), user.IsInRole(StudioRoles.Admin)))
            : TypedResults.ValidationProblem(result.Errors!.ToDictionary());
    }

    public static async Task<Results<Ok<TemplateDetailResponse>, NotFound, ProblemHttpResult, ValidationProblem>> UpdateTemplate(
        Guid id, TemplateInput input, ClaimsPrincipal user, TemplateEditor editor, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var isAdmin = user.IsInRole(StudioRoles.Admin);
        var result = await editor.UpdateAsync(user.RequireUserId(), isAdmin, id, input, ct);
        return result.Outcome switch
        {
            TemplateOutcome.Done => TypedResults.Ok(TemplateDetailResponse.From(result.Template!, user.RequireUserId(), isAdmin)),
            TemplateOutcome.Invalid => TypedResults.ValidationProblem(result.Errors!.ToDictionary()),
            TemplateOutcome.Forbidden => Forbidden(result.Template!, localizers.Create(typeof(TemplatesApi))),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteTemplate(Guid id, ClaimsPrincipal user, TemplateEditor editor, IStringLocalizerFactory localizers, CancellationToken ct)
    {
        var result = await editor.DeleteAsync(user.RequireUserId(), user.IsInRole(StudioRoles.Admin), id, ct);
        return result.Outcome switch
        {
            TemplateOutcome.Done => TypedResults.NoContent(),
            TemplateOutcome.Forbidden => Forbidden(result.Template!, localizers.Create(typeof(TemplatesApi))),
            _ => TypedResults.NotFound(),
        };
    }

    private static ProblemHttpResult Forbidden(VideoTemplate template, IStringLocalizer L) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "The template cannot be changed",
        detail: template.OwnerId is null
            ? L["'{0}' is one of Studio's built-in templates: only an admin can change it. Duplicate it to make your own.", template.Name]
            : L["Only the author of '{0}' or an admin can change it. Duplicate it to make your own.", template.Name]);
}
