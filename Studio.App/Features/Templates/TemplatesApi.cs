using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Core.Templates;

namespace Studio.App.Features.Templates;

/// <summary>The templates API (read-only until the template editor lands).</summary>
internal static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/templates").WithTags("Templates").MapGet("/", ListTemplates);
        return app;
    }

    public static async Task<Ok<IEnumerable<TemplateResponse>>> ListTemplates(TemplateCatalog catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.ListAsync(ct)).Select(TemplateResponse.From));
}
