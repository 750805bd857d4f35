using System.Net;
using Microsoft.Extensions.Options;
using Studio.Core;
using Studio.Core.Assets;
using Studio.Core.Providers;
using Studio.Core.Storage;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Storage;

/// <summary>With S3, hosted providers fetch reference images from presigned URLs (no public Studio address needed).</summary>
public sealed class S3GenerationInputsTests(S3rverHost s3) : IClassFixture<S3rverHost>, IDisposable
{
    private readonly TempFolder _data = new();
    private readonly S3FileStore _store = new(s3.Options(), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<S3FileStore>.Instance);

    [Fact]
    public async Task LinkFor_S3StoreWithoutPublicBaseUrl_IsAPresignedUrlServingTheInputAsItsType()
    {
        var key = FileKeys.Asset(Guid.NewGuid());
        await _store.PutAsync(key, new MemoryStream([137, 80, 78, 71]), CancellationToken.None);
        using var paths = new StudioPaths(Options.Create(new StudioOptions { DataDirectory = _data.Path }), new TestHostEnvironment(_data.Path));
        var links = new AssetLinks(Options.Create(new StudioOptions()), Options.Create(new AssetLinkOptions()), paths, TimeProvider.System);
        links.CanLink.Should().BeFalse("no public address is configured");
        var inputs = new GenerationInputs(_store, _store, links);

        var link = inputs.LinkFor(new GenerationInput(Guid.NewGuid(), key, AssetKind.Image, "image/png"));

        link.Should().NotBeNull();
        link!.Authority.Should().Be(s3.ServiceUrl.Authority);
        using var http = new HttpClient();
        using var response = await http.GetAsync(link);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        response.Content.Headers.ContentDisposition.Should().BeNull("an input is fetched, not downloaded as a file");
        (await response.Content.ReadAsByteArrayAsync()).Should().Equal(137, 80, 78, 71);
    }

    [Fact]
    public void LinkFor_FileSystemStore_FallsBackToStudiosOwnSignedLink()
    {
        using var paths = new StudioPaths(Options.Create(new StudioOptions { DataDirectory = _data.Path }), new TestHostEnvironment(_data.Path));
        var links = new AssetLinks(Options.Create(new StudioOptions { PublicBaseUrl = "https://studio.example.com" }), Options.Create(new AssetLinkOptions()), paths, TimeProvider.System);
        var inputs = new GenerationInputs(new FileSystemFileStore(paths), new NoFileLinks(), links);

        var link = inputs.LinkFor(new GenerationInput(Guid.NewGuid(), FileKeys.Asset(Guid.NewGuid()), AssetKind.Image, "image/png"));

        link!.AbsoluteUri.Should().StartWith("https://studio.example.com/links/assets/");
    }

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }
}
