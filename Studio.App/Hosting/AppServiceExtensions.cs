using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using Studio.App.Auth;
using Studio.App.Hosting.Deployment;
using Studio.App.Hosting.Localization;
using Studio.App.Workers;
using Studio.Core.Accounts;
using Studio.Core.Notifications;

namespace Studio.App.Hosting;

/// <summary>Registers the web host's own services: UI, sign-in, API, workers.</summary>
internal static class AppServiceExtensions
{
    public static IHostApplicationBuilder AddStudioApp(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var roles = builder.AddStudioDeployment();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddStudioRedisScaleOut(builder.Configuration);
        services.AddMudServices(mud =>
        {
            // Not top-right, where a message would cover the signed-in user's name and the bell in the app bar.
            mud.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            mud.SnackbarConfiguration.NewestOnTop = true;
        });
        services.AddStudioLocalization();
        services.AddTransient<MudBlazor.MudLocalizer, FrenchMudLocalizer>();
        services.AddCascadingAuthenticationState();

        // A changed account (role, stamp, deletion) reaches open pages and cookies within seconds, not at the next sign-in.
        services.AddOptions<SignInRevalidationOptions>().BindConfiguration(SignInRevalidationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<IOptions<SignInRevalidationOptions>>((stamps, sessions) => stamps.ValidationInterval = sessions.Value.RevalidationInterval);
        services.AddSingleton<ProblemTitles>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.HttpContext.RequestServices.GetRequiredService<ProblemTitles>().Translate(context));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHealthChecks();
        services.AddStudioRateLimiting();

        // Core registered the user store (AddIdentityCore); the host adds sign-in and its cookies.
        new IdentityBuilder(typeof(StudioUser), typeof(IdentityRole), services).AddSignInManager().AddDefaultTokenProviders();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = AuthSchemes.Smart;
                options.DefaultAuthenticateScheme = AuthSchemes.Smart;
                options.DefaultChallengeScheme = AuthSchemes.Smart;
                options.DefaultForbidScheme = AuthSchemes.Smart;
            })
            .AddPolicyScheme(AuthSchemes.Smart, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    BearerTokenHandler.HasBearer(context.Request) ? AuthSchemes.Bearer : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(AuthSchemes.Bearer, null)
            .AddIdentityCookies();

        // After AddIdentityCookies, whose own defaults (/Account/Login) would otherwise win.
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.AccessDeniedPath = "/access-denied";
            options.Cookie.Name = "studio.auth";
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        // Every endpoint needs a signed-in user unless it says otherwise (sign-in page, static assets, health).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddOwnerPolicy(services);

        services.AddStudioOpenApi();
        if (roles.HasFlag(ProcessRoles.Worker))
        {
            // Generation, assembly and settling: a web-only process leaves them to the workers (see the README, "Deploying").
            services.AddHostedService<GenerationWorker>();
        }

        // Webhooks: no blind retry (the outbox retries with its own backoff) and no redirects (a receiver answers itself).
        services.AddHttpClient<IWebhookSender, HttpWebhookSender>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        if (roles.HasFlag(ProcessRoles.Worker))
        {
            services.AddHostedService<NotificationWorker>();
        }

        return builder;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
