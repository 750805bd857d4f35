using System.Net;
using System.Net.Http.Json;

namespace Studio.Tests.Api.Deployment;

/// <summary><c>Studio:DataProtection:KeysFolder</c>: the key ring that seals sign-in cookies lives where several web nodes share it.</summary>
public sealed class SharedKeyRingTests
{
    [Fact]
    public async Task KeysFolder_Set_TheCookieKeysAreWrittenThere_AndAnotherNodeReadsTheCookie()
    {
        using var keys = new TempFolder();
        using var first = new DeploymentAppFactory(("Studio:DataProtection:KeysFolder", keys.Path));
        using var client = first.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });

        var signIn = await client.PostAsJsonAsync("/api/account/login", new { email = StudioAppFactory.AdminEmail, password = StudioAppFactory.AdminPassword });

        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        Directory.GetFiles(keys.Path, "key-*.xml").Should().NotBeEmpty();
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("studio.auth=", StringComparison.Ordinal)).Split(';')[0];

        // A second node over the same database and key ring accepts the first one's cookie.
        using var second = new DeploymentAppFactory(("Studio:DataProtection:KeysFolder", keys.Path), ("Studio:DataDirectory", first.DataDirectory));
        using var other = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/budget");
        request.Headers.Add("Cookie", cookie);
        (await other.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

        using var stranger = new DeploymentAppFactory(("Studio:DataDirectory", first.DataDirectory));
        using var strangerClient = stranger.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/budget");
        again.Headers.Add("Cookie", cookie);
        (await strangerClient.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a node with a key ring of its own cannot read the cookie");
    }
}
