using System.Text.Json.Nodes;
using Studio.Core.Jobs;
using Studio.Core.Scripts;
using Studio.Core.Templates;
using Studio.Tests.Fakes;

namespace Studio.Tests.Providers.Hosted;

/// <summary>The chat script writer against a fake OpenAI-compatible server, through the real client and resilience pipeline.</summary>
public sealed class ChatScriptWriterTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;
    private CoreHost _core = null!;

    private static VideoTemplate Reels => DefaultTemplates.Create(DateTimeOffset.UnixEpoch).Single(t => t.Name == DefaultTemplates.Reels30);

    private IScriptWriter Writer => _core.Get<IScriptWriter>();

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync([]);
        _core = await CoreHost.StartAsync(new Dictionary<string, string?>
        {
            ["Studio:ScriptWriter:Engine"] = "chat",
            ["Studio:ScriptWriter:Chat:BaseUrl"] = _server.BaseUrl.ToString(),
            ["Studio:ScriptWriter:Chat:ApiKey"] = FakeOpenAiServer.Key,
            ["Studio:ScriptWriter:Chat:Model"] = "gpt-4o-mini",
            ["Studio:ScriptWriter:Chat:RetryDelay"] = "00:00:00.010",
        });
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task WriteAsync_ValidReply_StoryboardFromTheModel()
    {
        _server.ReplyChat(FakeOpenAiServer.Storyboard(6, "Trois astuces, pas une de plus."));

        var board = await Writer.WriteAsync(new ScriptRequest("Café", Reels, "fr"), CancellationToken.None);

        board.Scenes.Should().HaveCount(6).And.OnlyContain(s => s.Narration == "Trois astuces, pas une de plus.");
        board.Hook.Should().Be("Hook!");
        var request = _server.Requests.Single();
        request.Headers["Authorization"].Should().Be($"Bearer {FakeOpenAiServer.Key}");
        var body = JsonNode.Parse(request.Body)!;
        body["model"]!.GetValue<string>().Should().Be("gpt-4o-mini");
        body["response_format"]!["type"]!.GetValue<string>().Should().Be("json_schema");
        body["response_format"]!["json_schema"]!["strict"]!.GetValue<bool>().Should().BeTrue();
        body["response_format"]!["json_schema"]!["schema"]!["properties"]!["scenes"]!["minItems"]!.GetValue<int>().Should().Be(6);
        body["messages"]![0]!["content"]!.GetValue<string>().Should().Contain("French").And.Contain("exactly 6 scenes");
    }

    [Fact]
    public async Task WriteAsync_MalformedReplyThenValid_AsksAgainSayingWhatWasWrong()
    {
        _server.ReplyChat("Sure! Here is your storyboard: {hook: nope");
        _server.ReplyChat(FakeOpenAiServer.Storyboard(6));

        var board = await Writer.WriteAsync(new ScriptRequest("Coffee", Reels, "en"), CancellationToken.None);

        board.Scenes.Should().HaveCount(6);
        _server.Requests.Should().HaveCount(2);
        var retry = JsonNode.Parse(_server.Requests.Last().Body)!["messages"]!.AsArray();
        retry[^1]!["content"]!.GetValue<string>().Should().Contain("not valid JSON");
        retry[^2]!["role"]!.GetValue<string>().Should().Be("assistant");
    }

    [Fact]
    public async Task WriteAsync_MalformedTwice_ReportsIt()
    {
        _server.ReplyChat("not json at all");
        _server.ReplyChat("still {not json");

        var write = () => Writer.WriteAsync(new ScriptRequest("Coffee", Reels, "en"), CancellationToken.None);

        (await write.Should().ThrowAsync<ScriptWriterException>()).Which.Message.Should().Contain("unusable twice").And.Contain("not valid JSON");
        _server.Requests.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(5, "A short line.", "exactly 6 scenes")]
    [InlineData(6, "This narration line is much longer than anything a voice could say in five short seconds.", "narration must be 1 to 70")]
    [InlineData(6, "", "narration must be 1 to 70")]
    public async Task WriteAsync_WrongCountOrLengthTwice_ReportsWhy(int scenes, string narration, string why)
    {
        _server.ReplyChat(FakeOpenAiServer.Storyboard(scenes, narration));
        _server.ReplyChat(FakeOpenAiServer.Storyboard(scenes, narration));

        var write = () => Writer.WriteAsync(new ScriptRequest("Coffee", Reels, "en"), CancellationToken.None);

        (await write.Should().ThrowAsync<ScriptWriterException>()).Which.Message.Should().Contain(why);
    }

    [Fact]
    public async Task WriteAsync_TruncatedReply_IsRetried()
    {
        _server.ReplyChat("""{"hook":"Hi","scenes":[{"prompt":"a""", finishReason: "length");
        _server.ReplyChat(FakeOpenAiServer.Storyboard(6));

        (await Writer.WriteAsync(new ScriptRequest("Coffee", Reels, "en"), CancellationToken.None)).Scenes.Should().HaveCount(6);
    }

    [Fact]
    public async Task WriteAsync_Refusal_IsRetriedThenReported()
    {
        _server.ReplyRefusal("I can't help with that.");
        _server.ReplyRefusal("I can't help with that.");

        var write = () => Writer.WriteAsync(new ScriptRequest("Coffee", Reels, "en"), CancellationToken.None);

        (await write.Should().ThrowAsync<ScriptWriterException>()).Which.Message.Should().Contain("refused");
    }

    [Fact]
    public async Task WriteAsync_RateLimitedWithRetryAfter_RetriesAndSucceeds()
    {
        _server.ReplyChatError(429, "rate_limit_exceeded", "rate_limit_exceeded", "Rate limit reached for requests", retryAfter: "0");
        _server.ReplyChat(FakeOpenAiServer.Storyboard(6));

        (await Writer.WriteAsync(new ScriptRequest("Coffee", Reels, "en"), CancellationToken.None)).Scenes.Should().HaveCount(6);
        _server.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task WriteAsync_QuotaSpent_IsNotRetried()
    {
        _server.ReplyChatError(429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota.");
        _server.ReplyChat(FakeOpenAiServer.Storyboard(6));

        var write = () => Writer.WriteAsync(new ScriptRequest("Coffee", Reels, "en"), CancellationToken.None);

        (await write.Should().ThrowAsync<ScriptWriterException>()).Which.Message.Should().Contain("quota");
        _server.Requests.Should().HaveCount(1);
    }

    [Fact]
    public async Task WriteAsync_ServerErrors_AreRetriedByTheResilienceHandler()
    {
        _server.ReplyChatError(500, "server_error", null, "The server had an error.");
        _server.ReplyChatError(503, "server_error", null, "Overloaded.");
        _server.ReplyChat(FakeOpenAiServer.Storyboard(6));

        (await Writer.WriteAsync(new ScriptRequest("Coffee", Reels, "en"), CancellationToken.None)).Scenes.Should().HaveCount(6);
        _server.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task CreateAsync_ChatWriterFails_Is400OnScriptAndStoresNothing()
    {
        _server.ReplyChat("nope");
        _server.ReplyChat("nope again");
        var jobs = _core.Get<JobService>();

        var result = await jobs.CreateAsync("user-1", new CreateJobCommand("T", "Coffee", DefaultTemplates.Reels30), CancellationToken.None);

        result.Job.Should().BeNull();
        result.Errors!.ToDictionary().Should().ContainKey("script");
        (await jobs.ListAsync("user-1", CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task CreateAsync_ChatModelRefusesTheRequest_FrenchReaderGetsTheFieldErrorInFrench_TheServersWordsAsWritten()
    {
        const string said = "The model `gpt-9` does not exist.";
        _server.ReplyChatError(404, "invalid_request_error", "model_not_found", said);
        var result = await CoreLocalizers.InCultureAsync("fr-FR", () =>
            _core.Get<JobService>().CreateAsync("user-1", new CreateJobCommand("T", "Café", DefaultTemplates.Reels30), CancellationToken.None));

        result.Job.Should().BeNull();
        result.Errors!.ToDictionary()["script"].Should().ContainSingle().Which.Should().Be(
            $"Le storyboard n’a pas pu être écrit : Le modèle de chat a répondu 404 : {said} Écrivez vous-même les prompts et la narration, ou réessayez.");
    }

    [Fact]
    public async Task WriteAsync_ChatModelRefusesTheRequest_TheEnglishMessageIsWhatItWas()
    {
        _server.ReplyChatError(404, "invalid_request_error", "model_not_found", "The model `gpt-9` does not exist.");

        var write = () => Writer.WriteAsync(new ScriptRequest("Coffee", Reels, "en"), CancellationToken.None);

        var thrown = (await write.Should().ThrowAsync<ScriptWriterException>()).Which;
        thrown.Message.Should().Be("The chat model answered 404: The model `gpt-9` does not exist.");
        thrown.Text!.Template.Should().Be("The chat model answered {0}: {1}", "our sentence, worded for each reader");
    }

    [Fact]
    public async Task CreateAsync_NarrationsGiven_DoesNotAskTheModel()
    {
        var jobs = _core.Get<JobService>();
        string[] prompts = ["a", "b", "c", "d", "e", "f"];

        var result = await jobs.CreateAsync("user-1", new CreateJobCommand("T", "Coffee", DefaultTemplates.Reels30, Prompts: prompts, Narrations: prompts), CancellationToken.None);

        result.Job!.Segments.Select(s => s.Narration).Should().Equal(prompts);
        _server.Requests.Should().BeEmpty();
    }
}
