using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Studio.App.Components;
using Studio.App.Features.Account;
using Studio.App.Features.Analytics;
using Studio.App.Features.Assets;
using Studio.App.Features.Audit;
using Studio.App.Features.Budget;
using Studio.App.Features.Costs;
using Studio.App.Features.Jobs;
using Studio.App.Features.Links;
using Studio.App.Features.Providers;
using Studio.App.Features.Templates;
using Studio.App.Features.Tokens;
using Studio.App.Features.Users;
using Studio.App.Hosting.Deployment;
using Studio.App.Hosting.Localization;
using Studio.Core.Accounts;
using Studio.Core.Persistence;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.App.Hosting;

/// <summary>What happens once at start (database, templates, first account) and the request pipeline.</summary>
internal static class StudioStartup
{
    /// <summary>Migrates the database, seeds missing templates, bootstraps the admin and announces where to sign in.</summary>
    public static async Task<BootstrapResult> PrepareStudioAsync(this WebApplication app, bool announce = true)
    {
        var ct = app.Lifetime.ApplicationStopping;
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        await app.Services.GetRequiredService<TemplateSeeder>().SeedAsync(ct);
        app.Services.GetRequiredService<ScratchSweeper>().Sweep();
        BootstrapResult result;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<AccountBootstrapper>().RunAsync(ct);
        }

        if (announce)
        {
            // The generated password is shown now, before anything else can fail (a busy port): it is shown only once.
            AnnounceAccount(result);
            app.Lifetime.ApplicationStarted.Register(() => AnnounceAddress(app, result));
        }

        return result;
    }

    /// <summary>Middleware and endpoints.</summary>
    public static WebApplication UseStudio(this WebApplication app)
    {
        // Before anything reads the scheme or the address (cookies, links, rate limits).
        app.UseStudioForwardedHeaders();
        app.MapStudioHealth();
        if (!app.Plays(ProcessRoles.Web))
        {
            // A worker-only process answers its health and nothing else: no pages, no API, no Blazor hub.
            return app;
        }

        // In every environment (the start command runs Development, for its static files): API callers get problem
        // details, pages the error page; stack traces go to the log only.
        app.UseExceptionHandler("/error", createScopeForErrors: true);

        // API callers get problem details for bare error statuses; browsers get the friendly not-found page.
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), web => web.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRequestLocalization();
        app.UseAuthentication();

        // After sign-in (limits are per user), before authorization (signed-out floods are limited per address too).
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapTemplatesApi();
        app.MapJobsApi();
        app.MapProvidersApi();
        app.MapCostsApi();
        app.MapBudgetApi();
        app.MapAssetLinks();
        app.MapUsersApi();
        app.MapTokensApi();
        app.MapAuditApi();
        app.MapAnalyticsApi();
        app.MapStudioOpenApi();
        app.MapAssetsApi();
        app.MapCultureSwitch();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/" + Core.Assets.AssetLinks.RoutePrefix, StringComparison.OrdinalIgnoreCase);

    private static void AnnounceAccount(BootstrapResult result)
    {
        if (result.GeneratedPassword is null)
        {
            return;
        }

        Console.Out.WriteLine();
        Console.Out.WriteLine($"  Created the admin {result.AdminEmail} with the password {result.GeneratedPassword}");
        Console.Out.WriteLine("  (shown this once; set Studio:Bootstrap:AdminPassword to choose your own on a new data folder)");
    }

    private static void AnnounceAddress(WebApplication app, BootstrapResult result)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var console = Console.Out;
        console.WriteLine();
        if (!app.Plays(ProcessRoles.Web))
        {
            // No pages to sign in to here: a worker answers its health endpoints only.
            console.WriteLine($"  Studio worker is ready (health on {string.Join("  ", addresses)})");
            console.WriteLine();
            return;
        }

        console.WriteLine($"  Studio is ready: {string.Join("  ", addresses)}");
        console.WriteLine(result.GeneratedPassword is not null
            ? $"  Sign in as {result.AdminEmail} with the password shown above"
            : result.AdminCreated
                ? $"  Sign in as {result.AdminEmail} with the password from Studio:Bootstrap:AdminPassword"
                : $"  Sign in as {result.AdminEmail} (its password was shown when it was created)");
        console.WriteLine();
    }
}
