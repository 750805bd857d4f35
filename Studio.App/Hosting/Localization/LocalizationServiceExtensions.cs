using Microsoft.AspNetCore.Localization;

namespace Studio.App.Hosting.Localization;

/// <summary>Registers and applies Studio's languages: the browser's choice, or the one picked in the app bar.</summary>
internal static class LocalizationServiceExtensions
{
    public static IServiceCollection AddStudioLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(StudioCultures.Supported[0])
                .AddSupportedCultures([.. StudioCultures.Supported])
                .AddSupportedUICultures([.. StudioCultures.Supported]);

            // "fr-CA" in Accept-Language means French here; the cookie (an explicit choice) comes first.
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// <c>GET /culture/{name}?returnUrl=/x</c>: remembers the language for a year and goes back. A page's circuit
    /// keeps the language it started with, so the switcher reloads the page through here.
    /// </summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext context) =>
            {
                var target = IsLocal(returnUrl) ? returnUrl! : "/";
                if (StudioCultures.Find(name) is not { } culture)
                {
                    return Results.LocalRedirect(target);
                }

                context.Response.Cookies.Append(
                    StudioCultures.CookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });
                return Results.LocalRedirect(target);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    // Only paths on this site: "//evil.example" and "/\evil" are other sites to a browser.
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
