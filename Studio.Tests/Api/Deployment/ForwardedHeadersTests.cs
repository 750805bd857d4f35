using System.Net;
using System.Net.Http.Json;
using Studio.App.Hosting.Deployment;

namespace Studio.Tests.Api.Deployment;

/// <summary>
/// <c>Studio:ForwardedHeaders</c>: behind a trusted proxy the sign-in cookie is Secure when the client came in HTTPS and
/// rate limits count per client address; a proxy that is not named, or a host with no setting, is not believed.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private const string Proxy = "10.0.0.5";
    private const string Stranger = "10.0.0.9";
    private readonly DeploymentAppFactory _behindProxy = new(
        ("Studio:ForwardedHeaders:KnownProxies:0", Proxy),
        ("Studio:RateLimits:ApiPerMinute", "2"),
        ("Studio:RateLimits:Window", "01:00:00"));

    [Fact]
    public async Task SignIn_ThroughTrustedProxyOverHttps_CookieIsSecure()
    {
        var cookie = await SignInCookieAsync(_behindProxy, Proxy, "https");

        cookie.Should().ContainEquivalentOf("; secure");
    }

    [Fact]
    public async Task SignIn_FromAnUnnamedProxy_HeaderIgnored()
    {
        var cookie = await SignInCookieAsync(_behindProxy, Stranger, "https");

        cookie.Should().NotContainEquivalentOf("; secure", "anyone could claim to have come in over HTTPS");
    }

    [Fact]
    public async Task SignIn_NoSetting_HeadersIgnored()
    {
        using var plain = new DeploymentAppFactory();

        var cookie = await SignInCookieAsync(plain, Proxy, "https");

        cookie.Should().NotContainEquivalentOf("; secure");
    }

    [Fact]
    public async Task RateLimit_ThroughTrustedProxy_CountsPerClientAddress()
    {
        (await AnonymousApiAsync(Proxy, "203.0.113.7")).Should().Be(HttpStatusCode.Unauthorized);
        (await AnonymousApiAsync(Proxy, "203.0.113.7")).Should().Be(HttpStatusCode.Unauthorized);
        (await AnonymousApiAsync(Proxy, "203.0.113.7")).Should().Be(HttpStatusCode.TooManyRequests);

        (await AnonymousApiAsync(Proxy, "203.0.113.8")).Should().Be(HttpStatusCode.Unauthorized, "another client behind the same proxy has its own allowance");
    }

    [Fact]
    public async Task RateLimit_FromAnUnnamedProxy_CountsTheProxyAddress()
    {
        (await AnonymousApiAsync(Stranger, "198.51.100.1")).Should().Be(HttpStatusCode.Unauthorized);
        (await AnonymousApiAsync(Stranger, "198.51.100.2")).Should().Be(HttpStatusCode.Unauthorized);

        (await AnonymousApiAsync(Stranger, "198.51.100.3")).Should().Be(HttpStatusCode.TooManyRequests, "a made-up X-Forwarded-For must not buy a fresh allowance");
    }

    [Theory]
    [InlineData("KnownProxies", "proxy.example")]
    [InlineData("KnownNetworks", "10.0.0.0/40")]
    [InlineData("KnownNetworks", "10.0.0.0")]
    public void Settings_NotAnAddress_AreRefused(string list, string value)
    {
        var settings = new ForwardedHeadersSettings();
        (list == "KnownProxies" ? settings.KnownProxies : settings.KnownNetworks).Add(value);

        var problems = settings.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(settings)).ToList();

        problems.Should().ContainSingle().Which.ErrorMessage.Should().Contain($"Studio:ForwardedHeaders:{list}").And.Contain(value);
    }

    public void Dispose() => _behindProxy.Dispose();

    private static async Task<string> SignInCookieAsync(DeploymentAppFactory factory, string from, string scheme)
    {
        using var client = factory.CreateClient();
        using var request = FromProxy(HttpMethod.Post, "/api/account/login", from, "203.0.113.7", scheme);
        request.Content = JsonContent.Create(new { email = StudioAppFactory.AdminEmail, password = StudioAppFactory.AdminPassword });

        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("studio.auth=", StringComparison.Ordinal));
    }

    private async Task<HttpStatusCode> AnonymousApiAsync(string from, string client)
    {
        using var http = _behindProxy.CreateClient();
        using var request = FromProxy(HttpMethod.Get, "/api/templates", from, client, "http");
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpRequestMessage FromProxy(HttpMethod method, string path, string proxy, string client, string scheme)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(DeploymentAppFactory.PeerHeader, proxy);
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", scheme);
        return request;
    }
}
