using Studio.Core.Templates;
using Studio.Providers.Local;

namespace Studio.Tests.Providers.Local;

public sealed class PromptLayoutTests : IAsyncLifetime
{
    private const string LongPrompt =
        "A golden retriever puppy runs across a sunlit meadow full of wildflowers, chasing a bright red ball while " +
        "the camera follows at ground level in slow motion, petals drifting through warm evening light";

    private TrueTypeMetrics _font = null!;

    public async Task InitializeAsync() => _font = await TrueTypeMetrics.LoadAsync(LocalProviderOptions.DefaultFontFile, CancellationToken.None);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Wrap_LongPrompt_NoLineWiderThanMaxWidth()
    {
        var lines = PromptLayout.Wrap(PromptLayout.Words(LongPrompt), 600, s => _font.Measure(s, 60));

        lines.Should().HaveCountGreaterThan(3);
        lines.Should().OnlyContain(l => _font.Measure(l, 60) <= 600);
    }

    [Fact]
    public void Wrap_LongPrompt_KeepsEveryWordInOrder()
    {
        var lines = PromptLayout.Wrap(PromptLayout.Words(LongPrompt), 600, s => _font.Measure(s, 60));

        string.Join(' ', lines).Should().Be(LongPrompt);
    }

    [Fact]
    public void Wrap_WordWiderThanLine_SplitsItKeepingEveryCharacter()
    {
        const string word = "Supercalifragilisticexpialidocious";

        var lines = PromptLayout.Wrap([word, "is", "long"], 300, s => _font.Measure(s, 60));

        lines.Should().OnlyContain(l => _font.Measure(l, 60) <= 300);
        string.Concat(lines.Take(lines.Count - 1)).Should().Be(word);
        lines[^1].Should().EndWith("is long");
    }

    [Fact]
    public void WrapBalanced_GreedyLeavesLoneLastWord_EvensTheLinesOut()
    {
        static double TenPixelsPerCharacter(string s) => s.Length * 10;
        string[] words = ["aaaa", "bbbb", "cccc", "dddd", "eeee"];
        PromptLayout.Wrap(words, 200, TenPixelsPerCharacter).Should().Equal("aaaa bbbb cccc dddd", "eeee");

        var balanced = PromptLayout.WrapBalanced(words, 200, TenPixelsPerCharacter);

        balanced.Should().Equal("aaaa bbbb cccc", "dddd eeee");
    }

    [Fact]
    public void Words_FreeStandingDash_StaysWithWordBefore()
    {
        PromptLayout.Words("Summer sale — 50% off").Should().Equal("Summer", "sale —", "50%", "off");
    }

    [Fact]
    public void Words_TabsNewlinesAndControlCharacters_SeparateWords()
    {
        PromptLayout.Words("Line one\nline\ttwo\u0007 end\r\n").Should().Equal("Line", "one", "line", "two", "end");
    }

    [Theory]
    [InlineData(AspectRatio.Portrait9x16)]
    [InlineData(AspectRatio.Landscape16x9)]
    [InlineData(AspectRatio.Square1x1)]
    [InlineData(AspectRatio.Portrait4x5)]
    public void Fit_MaxLengthPrompt_StaysInsideSafeArea(AspectRatio ratio)
    {
        var frame = FrameSize.For(ratio);
        var prompt = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 20))[..1000];

        var block = PromptLayout.Fit(prompt, frame, _font);

        block.Area.Left.Should().BeGreaterThanOrEqualTo((int)(frame.Width * 0.1) - 1);
        block.Lines.Should().OnlyContain(l => _font.Measure(l, block.FontSize) <= block.Area.Width);
        (block.Baselines[0] - (_font.Ascender * block.FontSize)).Should().BeGreaterThanOrEqualTo(block.Area.Top - 1);
        (block.Baselines[^1] + (_font.Descender * block.FontSize)).Should().BeLessThanOrEqualTo(block.Area.Top + block.Area.Height + 1);
        block.FontSize.Should().BeGreaterThanOrEqualTo((int)(Math.Min(frame.Width, frame.Height) * 0.036));
    }

    [Fact]
    public void Fit_ShortPrompt_UsesLargestSizeOnOneLine()
    {
        var block = PromptLayout.Fit("Hello", new FrameSize(1080, 1920), _font);

        block.Lines.Should().Equal("Hello");
        block.FontSize.Should().Be(81);
    }

    [Fact]
    public void Fit_TextBeyondSmallestSize_IsCutWithEllipsis()
    {
        var text = string.Concat(Enumerable.Repeat("Endless words keep coming here. ", 150));

        var block = PromptLayout.Fit(text, new FrameSize(1080, 1080), _font);

        block.Lines[^1].Should().EndWith("…");
        block.Lines.Should().OnlyContain(l => _font.Measure(l, block.FontSize) <= block.Area.Width);
    }

    [Fact]
    public void Fit_BlankPrompt_HasNoLines()
    {
        PromptLayout.Fit("   ", new FrameSize(1080, 1920), _font).Lines.Should().BeEmpty();
    }
}
