using Studio.Core.Scripts;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Scripts;

public sealed class OfflineScriptWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static VideoTemplate Reels30 => DefaultTemplates.Create(Now).Single(t => t.Name == DefaultTemplates.Reels30);

    [Fact]
    public async Task WriteAsync_Reels30_OnePromptPerSegmentWithTheThemeFilledIn()
    {
        var board = await new OfflineScriptWriter().WriteAsync(new ScriptRequest("3 Django tips for beginners", Reels30, "en"), CancellationToken.None);

        var prompts = board.Scenes.Select(s => s.Prompt).ToList();
        prompts.Should().HaveCount(6);
        prompts[0].Should().Be("3 Django tips for beginners");
        prompts.Should().NotContain(p => p.Contains('{', StringComparison.Ordinal));
        prompts.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Write_TemplateWithoutDefaults_NumbersTheSegments()
    {
        var template = new VideoTemplate(Guid.NewGuid(), "Bare", "", AspectRatio.Square1x1, 3, 5, "local", GenerationMode.TextToVideo, "", [], Now);

        var board = OfflineScriptWriter.Write(template, "Coffee", "en");

        board.Scenes.Select(s => s.Prompt).Should().Equal("Coffee", "Coffee (2/3)", "Coffee (3/3)");
        board.Scenes.Select(s => s.Narration).Should().OnlyHaveUniqueItems().And.NotContain(string.Empty);
    }

    [Fact]
    public void Write_English_HookPointsAndCallToActionFromTheTemplate()
    {
        var board = OfflineScriptWriter.Write(Reels30, "3 Django tips for beginners", "en");

        board.Hook.Should().Be("3 Django tips for beginners: here is what you need to know.");
        board.Scenes[2].Narration.Should().Be("Point one: start simple.");
        board.CallToAction.Should().Be("Follow for more: 3 Django tips for beginners.");
        board.Scenes[0].Narration.Should().Be(board.Hook);
        board.Scenes[^1].Narration.Should().Be(board.CallToAction);
    }

    [Fact]
    public void Write_French_WritesFrenchNarration()
    {
        var board = OfflineScriptWriter.Write(Reels30, "Trois astuces pour le café", "fr");

        board.Hook.Should().Be("Trois astuces pour le café : voici l'essentiel.");
        board.Scenes[2].Narration.Should().Be("D'abord, commencez simplement.");
        board.CallToAction.Should().Be("Abonnez-vous pour en savoir plus !");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public void Write_LongTheme_KeepsEveryLineWithinTheSegmentsBudget(string language)
    {
        var theme = string.Join(' ', Enumerable.Repeat("remarkably long words", 30));

        var board = OfflineScriptWriter.Write(Reels30, theme, language);

        board.Scenes.Should().OnlyContain(s => s.Narration.Length <= NarrationBudget.MaxCharacters(5));
        board.Hook.Should().Contain("remarkably").And.Contain("…");
    }

    [Fact]
    public void Write_SameInput_SameStoryboard()
    {
        OfflineScriptWriter.Write(Reels30, "Coffee", "fr").Should().BeEquivalentTo(OfflineScriptWriter.Write(Reels30, "Coffee", "fr"));
    }
}
