using Studio.Core.Jobs;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Jobs;

public sealed class PromptDrafterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Draft_Reels30_OnePromptPerSegmentWithTheThemeFilledIn()
    {
        var template = DefaultTemplates.Create(Now).Single(t => t.Name == DefaultTemplates.Reels30);

        var prompts = PromptDrafter.Draft(template, "3 Django tips for beginners");

        prompts.Should().HaveCount(6);
        prompts[0].Should().Be("3 Django tips for beginners");
        prompts.Should().NotContain(p => p.Contains('{', StringComparison.Ordinal));
        prompts.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Draft_TemplateWithoutDefaults_NumbersTheSegments()
    {
        var template = new VideoTemplate(Guid.NewGuid(), "Bare", "", AspectRatio.Square1x1, 3, 5, "local", GenerationMode.TextToVideo, "", [], Now);

        var prompts = PromptDrafter.Draft(template, "Coffee");

        prompts.Should().Equal("Coffee", "Coffee (2/3)", "Coffee (3/3)");
    }
}
