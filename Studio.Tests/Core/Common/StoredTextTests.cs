using Studio.Core.Common;
using Studio.Tests.Builders;

namespace Studio.Tests.Core.Common;

/// <summary>A stored sentence keeps its English for the column and is worded in the reader's language from its JSON.</summary>
public sealed class StoredTextTests
{
    private static readonly StoredText GaveUp = StoredText.Of(
        "Segment {0} could not be made: {1}",
        2,
        StoredText.Of("Gave up after {0} attempts at {1}. Last error: {2}", 3, "Luma", StoredText.Verbatim("HTTP 503 upstream overloaded")));

    [Fact]
    public void English_NestsTheReasons_AndKeepsTheProvidersWords()
    {
        GaveUp.English.Should().Be("Segment 2 could not be made: Gave up after 3 attempts at Luma. Last error: HTTP 503 upstream overloaded");
    }

    [Fact]
    public void Word_InFrench_WordsEveryNestedSentence_ButNotTheProvidersWords()
    {
        var worded = CoreLocalizers.InCulture("fr-FR", () => StoredText.Read(GaveUp.ToJson(), GaveUp.English)!.Word(CoreLocalizers.StoredWords));

        worded.Should().Be("Le segment 2 n’a pas pu être fait : Abandon après 3 tentatives chez Luma. Dernière erreur : HTTP 503 upstream overloaded");
    }

    [Fact]
    public void Word_NumbersFollowTheReadersCulture()
    {
        var refusal = StoredText.Of(
            "Over your monthly budget: this clip costs ${0:0.00##} and ${1:0.00##} of your ${2:0.00##} is already spent this month, so it was not submitted. Ask an admin to raise your budget, then retry.",
            1.5m, 9.25m, 10m);

        refusal.English.Should().StartWith("Over your monthly budget: this clip costs $1.50 and $9.25 of your $10.00 ");
        CoreLocalizers.InCulture("fr-FR", () => refusal.Word(CoreLocalizers.StoredWords)).Should().StartWith("Budget mensuel dépassé : ce clip coûte 1,50 $ et 9,25 $ de vos 10,00 $ ");
    }

    [Theory]
    [InlineData(new[] { "9:16" }, "9:16", "9:16")]
    [InlineData(new[] { "9:16", "1:1" }, "9:16 and 1:1", "9:16 et 1:1")]
    [InlineData(new[] { "9:16", "1:1", "4:5", "16:9" }, "9:16, 1:1, 4:5 and 16:9", "9:16, 1:1, 4:5 et 16:9")]
    public void List_JoinsTheLastTwoWithTheReadersAnd(string[] items, string english, string french)
    {
        var list = StoredText.List(items);
        var read = StoredText.Read(list.ToJson(), list.English)!;

        list.English.Should().Be(english);
        CoreLocalizers.InCulture("fr-FR", () => read.Word(CoreLocalizers.StoredWords)).Should().Be(french);
    }

    [Fact]
    public void List_OfOurWords_WordsEachOne()
    {
        var modes = StoredText.List([StoredText.Of("text-to-video"), StoredText.Of("image-to-video"), StoredText.Of("video-to-video")]);

        modes.English.Should().Be("text-to-video, image-to-video and video-to-video");
        CoreLocalizers.InCulture("fr-FR", () => modes.Word(CoreLocalizers.StoredWords)).Should().Be("texte vers vidéo, image vers vidéo et vidéo vers vidéo");
        StoredText.List([]).English.Should().BeEmpty();
    }

    [Fact]
    public void Read_AnOldRowWithoutJson_ShowsTheStoredSentenceAsStored()
    {
        var shown = CoreLocalizers.InCulture("fr-FR", () => StoredText.Show(null, "Segment 1 could not be made: refused", CoreLocalizers.StoredWords));

        shown.Should().Be("Segment 1 could not be made: refused");
        StoredText.Show(null, null, CoreLocalizers.StoredWords).Should().BeNull();
    }

    [Fact]
    public void ToJson_OfVerbatimWords_IsNull_TheEnglishColumnHoldsThem()
    {
        StoredText.Verbatim("content policy").ToJson().Should().BeNull();
        GaveUp.ToJson().Should().Contain("\"t\":\"Segment {0} could not be made: {1}\"");
    }

    [Fact]
    public void Read_DamagedJson_FallsBackToTheStoredEnglish()
    {
        StoredText.Read("{not json", "as stored")!.Word(CoreLocalizers.StoredWords).Should().Be("as stored");
    }
}
