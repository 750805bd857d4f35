using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Studio.Tests.Api;

/// <summary>
/// The API's problem details carry Core's messages in the language of the request's Accept-Language, as the pages do:
/// the request localization runs before the API endpoints. Their titles too (ours and ASP.NET Core's defaults).
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

    [Theory]
    [InlineData("fr-FR", "Une ou plusieurs erreurs de validation se sont produites.")]
    [InlineData("en", "One or more validation errors occurred.")]
    public async Task CreateJob_Invalid_TheProblemsTitleSpeaksTheCallersLanguageToo(string acceptLanguage, string expected)
    {
        var problem = await PostAsync("/api/jobs", acceptLanguage, new { title = "t", theme = "", template = "Reels 30s Standard" });

        problem["title"]!.GetValue<string>().Should().Be(expected);
    }

    [Theory]
    [InlineData("fr-FR", "La vidéo ne peut pas être lancée")]
    [InlineData("en", "The job cannot be started")]
    public async Task StartJob_Twice_OurOwnTitleSpeaksTheCallersLanguage(string acceptLanguage, string expected)
    {
        using var client = factory.CreateApiClient();
        var created = await client.PostAsJsonAsync("/api/jobs", new { title = "t", theme = "Deux départs", template = "Reels 30s Standard" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        (await client.PostAsync(new Uri($"/api/jobs/{id}/start", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.Accepted);
        using var again = new HttpRequestMessage(HttpMethod.Post, $"/api/jobs/{id}/start");
        again.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var response = await client.SendAsync(again);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>().Should().Be(expected);
    }

    [Theory]
    [InlineData("fr-FR", "Saisissez votre e-mail.", "Saisissez votre mot de passe.")]
    [InlineData("en", "Enter your e-mail.", "Enter your password.")]
    public async Task Login_Empty_TheAppsOwnFieldMessagesSpeakTheCallersLanguage(string acceptLanguage, string email, string password)
    {
        var problem = await PostAsync("/api/account/login", acceptLanguage, new { });

        problem["errors"]!["email"]![0]!.GetValue<string>().Should().Be(email);
        problem["errors"]!["password"]![0]!.GetValue<string>().Should().Be(password);
    }

    [Fact]
    public async Task Login_WrongPassword_TheDetailIsFrench()
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/login")
        {
            Content = JsonContent.Create(new { email = "nobody-" + Guid.NewGuid().ToString("N") + "@studio.test", password = "wrong-password" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>().Should().Be("Cet e-mail et ce mot de passe ne correspondent à aucun compte.");
    }

    [Fact]
    public async Task ListJobs_UnknownStatusAndPageSize_TheAppsOwnMessagesAreFrench()
    {
        using var client = factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/jobs?status=nope&pageSize=0");
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!;
        errors["status"]![0]!.GetValue<string>().Should().StartWith("Statut inconnu « nope » ; utilisez Draft, ");
        errors["pageSize"]![0]!.GetValue<string>().Should().Be("Une page contient de 1 à 100 éléments.");
    }

    [Fact]
    public async Task UploadAsset_NotMultipart_TheRefusalIsFrench()
    {
        using var client = factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/assets") { Content = new StringContent("not a file") };
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");

        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>()
            .Should().Be("Envoyez le fichier en multipart/form-data dans un champ nommé « file ».");
    }

    [Fact]
    public void EveryTitleTheApiWrites_HasAFrenchTranslation()
    {
        var app = Path.Combine(E2E.StudioProcess.RepositoryRoot(), "Studio.App");
        var titles = Directory.EnumerateFiles(app, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "(?:title: |Title = |RunCommandAsync\\(id, user, service, )\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            .Where(t => t != "Studio API") // the OpenAPI document's name, not a problem's title
            .ToHashSet(StringComparer.Ordinal);
        var french = System.Xml.Linq.XDocument.Load(Path.Combine(app, "Resources", "Hosting", "Localization", "ProblemTitles.fr.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        titles.Should().HaveCountGreaterThan(15, "the API names its refusals");
        titles.Should().BeSubsetOf(french);
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
