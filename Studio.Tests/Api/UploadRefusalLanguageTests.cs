using System.Net;
using System.Text.Json.Nodes;
using Studio.Tests.Fakes.Hostile;

namespace Studio.Tests.Api;

/// <summary>A refused upload says why in the language of the request (Accept-Language), as the assets page shows it.</summary>
public sealed class UploadRefusalLanguageTests(AssetsAppFactory factory) : IClassFixture<AssetsAppFactory>
{
    [Theory]
    [InlineData("fr-FR", "Son contenu est une image GIF. Sont acceptés les images PNG, JPEG ou WebP")]
    [InlineData("en", "Its content is a GIF image. Accepted are PNG, JPEG or WebP images")]
    public async Task Upload_Gif_RefusalDetailSpeaksTheCallersLanguage(string acceptLanguage, string expected)
    {
        using var client = factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assets")
        {
            Content = MultipartBody.Of(MultipartBody.File([.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0], "anim.png")),
        };
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        using var response = await client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType, body);
        JsonNode.Parse(body)!["detail"]!.GetValue<string>().Should().StartWith(expected);
    }
}
