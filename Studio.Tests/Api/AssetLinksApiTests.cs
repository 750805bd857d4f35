using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Studio.Core.Assets;

namespace Studio.Tests.Api;

/// <summary>
/// <c>GET /links/assets/{id}/{expires}/{signature}</c>: anonymous, one asset per signature, until it expires; everything
/// else (altered, expired, another asset, unknown, a listing) answers 404.
/// </summary>
public sealed class AssetLinksApiTests(LinkedAppFactory factory) : IClassFixture<LinkedAppFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

    // No cookie, no token: a provider fetching its input has no account.
    private readonly HttpClient _anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private AssetLinks Links => factory.Services.GetRequiredService<AssetLinks>();

    [Fact]
    public async Task GetLink_Anonymous_ReturnsTheBytesUncachedAndUnsniffed()
    {
        var id = await AddImageAsync();
        var link = Links.LinkFor(id)!;

        var response = await _anonymous.GetAsync(link.PathAndQuery);

        link.ToString().Should().StartWith($"{LinkedAppFactory.PublicBaseUrl}links/assets/{id:N}/");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
    }

    [Fact]
    public async Task GetLink_TamperedSignature_Is404()
    {
        var link = Links.LinkFor(await AddImageAsync())!.PathAndQuery;
        var signature = link[(link.LastIndexOf('/') + 1)..];
        var flipped = (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

        (await _anonymous.GetAsync(link[..(link.LastIndexOf('/') + 1)] + flipped)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _anonymous.GetAsync(link[..(link.LastIndexOf('/') + 1)])).StatusCode.Should().Be(HttpStatusCode.NotFound, "no signature at all");
        (await _anonymous.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK, "the untouched link still works");
    }

    [Fact]
    public async Task GetLink_SignatureOfAnotherAsset_Is404()
    {
        var (mine, other) = (await AddImageAsync(), await AddImageAsync());
        var link = Links.LinkFor(mine)!.PathAndQuery;

        var response = await _anonymous.GetAsync(link.Replace(mine.ToString("N"), other.ToString("N"), StringComparison.Ordinal));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetLink_LaterExpiryWithTheSameSignature_Is404()
    {
        var link = Links.LinkFor(await AddImageAsync())!.PathAndQuery;
        var parts = link.Split('/');
        parts[^2] = (long.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);

        (await _anonymous.GetAsync(string.Join('/', parts))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetLink_Expired_Is404()
    {
        var link = Links.LinkFor(await AddImageAsync())!.PathAndQuery;
        (await _anonymous.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK);

        factory.Clock.Advance(TimeSpan.FromSeconds(11));

        (await _anonymous.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetLink_ValidSignatureForAnAssetThatDoesNotExist_Is404()
    {
        var link = Links.LinkFor(Guid.NewGuid())!.PathAndQuery;

        (await _anonymous.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/links/assets")]
    [InlineData("/links/assets/")]
    [InlineData("/links/assets/{id}")]
    [InlineData("/links/assets/{id}/{expires}")]
    public async Task GetListingOrPartialLink_Is404(string path)
    {
        var id = await AddImageAsync();
        var expires = Links.LinkFor(id)!.Segments[^2].TrimEnd('/');

        var response = await _anonymous.GetAsync(path.Replace("{id}", id.ToString("N"), StringComparison.Ordinal).Replace("{expires}", expires, StringComparison.Ordinal));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetLink_AssetWithoutItsFile_Is404()
    {
        var id = await AddImageAsync();
        var link = Links.LinkFor(id)!.PathAndQuery;
        await factory.Services.GetRequiredService<Studio.Core.Storage.IFileStore>().DeleteAsync(Studio.Core.Storage.FileKeys.Asset(id), CancellationToken.None);

        (await _anonymous.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<Guid> AddImageAsync() =>
        await factory.AddAssetAsync(await factory.UserIdAsync(StudioAppFactory.AdminEmail), AssetKind.Image, Png, "image/png");
}
