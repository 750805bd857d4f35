using Microsoft.AspNetCore.Http.HttpResults;
using Studio.Core.Accounts;
using Studio.Core.Providers;

namespace Studio.App.Features.Providers;

/// <summary>
/// The providers API: what each provider can make and costs (every signed-in user), and how each is doing (admins).
/// Nothing here ever carries an API key.
/// </summary>
internal static class ProvidersApi
{
    public static IEndpointRouteBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var providers = app.MapGroup("/api/providers").WithTags("Providers");
        providers.MapGet("/", ListProviders);
        providers.MapGet("/health", ListHealth).RequireAuthorization(policy => policy.RequireRole(StudioRoles.Admin));
        return app;
    }

    public static Ok<IEnumerable<ProviderResponse>> ListProviders(VideoProviderCatalog catalog) =>
        TypedResults.Ok(catalog.All.OrderBy(p => p.IsConfigured ? 0 : 1).ThenBy(p => p.Name, StringComparer.Ordinal).Select(ProviderResponse.From));

    public static async Task<Ok<IEnumerable<ProviderHealthResponse>>> ListHealth(VideoProviderCatalog catalog, IProviderHealth health, GenerationTimes times, CancellationToken ct)
    {
        var averages = await times.AverageSecondsAsync(ct);
        return TypedResults.Ok(catalog.All.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => ProviderHealthResponse.From(p, health.Read(p.Name), averages.TryGetValue(p.Name, out var seconds) ? seconds : null)));
    }
}
