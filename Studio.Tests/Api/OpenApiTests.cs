using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Studio.Tests.Api;

/// <summary>The API describes itself (OpenAPI) and can be tried in the browser, behind sign-in, with nothing fetched from elsewhere.</summary>
public sealed class OpenApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Fact]
    public async Task Document_SignedIn_DescribesTheApiRoutes()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("info").GetProperty("title").GetString().Should().Be("Studio API");
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain(["/api/jobs", "/api/jobs/{id}", "/api/jobs/estimate", "/api/jobs/{id}/cancel", "/api/providers", "/api/costs", "/api/templates"]);
        paths.Should().NotContain(p => p.StartsWith("/links", StringComparison.Ordinal), "signed links are for providers, not part of the API");
    }

    [Fact]
    public async Task Page_SignedIn_IsServedWithItsScriptFromThisServerOnly()
    {
        using var client = factory.CreateApiClient();

        using var page = await client.GetAsync("/api-docs/v1");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await client.GetAsync("/api-docs/scalar.js");

        page.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Should().Contain("openapi/v1.json").And.Contain("scalar.js");
        html.Should().NotContain("cdn.jsdelivr").And.NotContain("fonts.scalar.com").And.NotContain("unpkg");
        script.StatusCode.Should().Be(HttpStatusCode.OK);
        (await script.Content.ReadAsByteArrayAsync()).Length.Should().BeGreaterThan(100_000, "the page's script is served by the app itself");
    }

    [Fact]
    public async Task DocumentAndPage_Anonymous_AreRefused()
    {
        using var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        (await anonymous.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await anonymous.GetAsync("/api-docs")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }
}
