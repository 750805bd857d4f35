using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Studio.Tests.Api;

/// <summary>
/// Every route the app maps — read from its endpoint data source, so a route added tomorrow is checked too — answers an
/// anonymous caller with 401 (API) or a redirect to sign-in (pages), except the few that are anonymous on purpose, and
/// that list is pinned here.
/// </summary>
public sealed partial class RouteProtectionTests(StudioAppFactory factory, ITestOutputHelper output) : IClassFixture<StudioAppFactory>
{
    /// <summary>The routes anyone may call, by pattern. Adding one means adding it here, on purpose.</summary>
    private static readonly string[] AnonymousOnPurpose =
    [
        "/health",
        "/health/live",
        "/health/ready",
        "/api/account/login",
        "/links/assets/{id:guid}/{expires:long}/{signature}",
        "/links/assets/{**rest}",
        "/account/login",
        "/account/logout",
        "/culture/{name}",
        "/not-found",
        "/error",

        // The interactive API page's own script and icon (public library files; the page and the document need sign-in).
        "/api-docs/scalar.js",
        "/api-docs/scalar.aspnetcore.js",
        "/api-docs/favicon.svg",
    ];

    [Fact]
    public async Task EveryRoute_Anonymous_IsRefusedUnlessAnonymousOnPurpose()
    {
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .ToList();
        endpoints.Should().NotBeEmpty();

        var open = new List<string>();
        var checkedRoutes = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                open.Add(pattern);
                continue;
            }

            foreach (var method in methods.Where(m => m != "OPTIONS"))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern));
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await anonymous.SendAsync(request);
                output.WriteLine($"{method} {pattern} -> {(int)response.StatusCode} {response.Headers.Location}");
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true);
                refused.Should().BeTrue($"{method} {pattern} must refuse an anonymous caller, but answered {(int)response.StatusCode}");
                checkedRoutes++;
            }
        }

        checkedRoutes.Should().BeGreaterThan(20, "the API and the pages are all enumerated");
        open.Distinct().Should().OnlyContain(p => AnonymousOnPurpose.Contains(p, StringComparer.OrdinalIgnoreCase), "a route open to anyone must be listed here on purpose");
    }

    [Fact]
    public void EveryRouteOfAUsersResource_GoesThroughTheOwnershipPolicy()
    {
        var owned = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw
                && (raw.StartsWith("/api/jobs/{id", StringComparison.Ordinal) || raw.StartsWith("/api/assets/{id", StringComparison.Ordinal) || raw.StartsWith("/api/tokens/{id", StringComparison.Ordinal)))
            .ToList();

        owned.Should().HaveCountGreaterThan(12, "every route of a job, an asset or a token by its id");
        owned.Should().OnlyContain(
            e => e.Metadata.GetMetadata<Studio.App.Auth.OwnedResourceMetadata>() != null,
            "a route that names a user's resource by its id must go through the one ownership policy");
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
        || endpoint.RoutePattern.RawText?.StartsWith("_content", StringComparison.Ordinal) == true
        || endpoint.RoutePattern.RawText?.StartsWith("_framework", StringComparison.Ordinal) == true;

    /// <summary>The pattern with a plausible value in each parameter.</summary>
    private static string Fill(string pattern) => Parameter().Replace(pattern, m =>
    {
        var text = m.Value;
        return text.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
            : text.Contains(":int", StringComparison.Ordinal) || text.Contains(":long", StringComparison.Ordinal) ? "1"
            : text.Contains("documentName", StringComparison.Ordinal) ? "v1"
            : "x";
    });

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
