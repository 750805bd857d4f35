using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Studio.Tests.Api;

/// <summary>
/// The API's problem details carry Core's messages in the language of the request's Accept-Language, as the pages do:
/// the request localization runs before the API endpoints.
/// </summary>
public sealed class CoreMessagesLanguageApiTests(StudioAppFactory factory) : IClassFixture<StudioAppFactory>
{
    [Theory]
    [InlineData("fr", "Dites de quoi parle la vidéo.")]
    [InlineData("fr-CA,fr;q=0.9,en;q=0.5", "Dites de quoi parle la vidéo.")]
    [InlineData("en-US", "Say what the video is about.")]
    public async Task CreateJob_EmptyTheme_ProblemDetailsSpeakTheCallersLanguage(string acceptLanguage, string expected)
    {
        var problem = await PostAsync("/api/jobs", acceptLanguage, new { title = "t", theme = "", template = "Reels 30s Standard" });

        problem["errors"]!["theme"]!.AsArray().Select(m => m!.GetValue<string>()).Should().Equal(expected);
    }

    [Fact]
    public async Task CreateTemplate_NoName_ProblemDetailsAreFrench()
    {
        var problem = await PostAsync("/api/templates", "fr-FR", new { name = "", aspectRatio = "9:16", segmentCount = 3, segmentSeconds = 5, defaultProvider = "local" });

        problem["errors"]!["name"]![0]!.GetValue<string>().Should().Be("Donnez un nom au modèle.");
    }

    private async Task<JsonObject> PostAsync(string path, string acceptLanguage, object body)
    {
        using var client = factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
