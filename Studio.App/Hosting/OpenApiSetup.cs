using Scalar.AspNetCore;

namespace Studio.App.Hosting;

/// <summary>
/// The API described and tried in the browser: an OpenAPI document at <c>/openapi/v1.json</c> and an interactive page at
/// <c>/api-docs</c> (Scalar, its script served by the app itself; no fonts, telemetry, AI agent or SDK links reaching out to other hosts). Both need a
/// signed-in user, like every route but sign-in and health; the page's requests carry the browser's cookie.
/// </summary>
internal static class OpenApiSetup
{
    /// <summary>Route of the interactive page.</summary>
    public const string PagePath = "/api-docs";

    /// <summary>Route of the OpenAPI document.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddStudioOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Studio API";
            document.Info.Version = "v1";
            document.Info.Description =
                "Make short videos from a theme: templates, jobs and their segments, providers and costs. Every route needs a signed-in "
                + "user: the browser's cookie, or `Authorization: Bearer <token>`. Errors are problem details; another user's resource "
                + "answers 404 exactly like a missing one.";
            return Task.CompletedTask;
        }));

    public static WebApplication MapStudioOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(PagePath, options => options
            .WithTitle("Studio API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .HideClientButton());
        return app;
    }
}
