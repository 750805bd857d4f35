using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Studio.App.Components.Pages;
using Studio.Core.Assets;
using Studio.Core.Jobs;
using Studio.Core.Templates;
using Studio.Tests.Fakes.Hostile;

namespace Studio.Tests.Components;

/// <summary>The /assets page over the real library: its four states, uploads joining the grid, and delete with its confirmation.</summary>
public sealed class AssetsPageTests : AssetComponentTest
{
    [Fact]
    public void Render_WhileTheListLoads_ShowsLoadingState()
    {
        Database.Hold();

        var page = Render<Assets>();

        page.FindAll("[data-testid=assets-loading]").Should().ContainSingle();
        page.FindAll(".mud-skeleton").Should().NotBeEmpty();
        Database.Open();
        page.WaitForAssertion(() => page.FindAll("[data-testid=assets-loading]").Should().BeEmpty());
    }

    [Fact]
    public void Render_NoAssets_ShowsEmptyStateAndTheDropZone()
    {
        var page = Render<Assets>();

        page.WaitForAssertion(() => page.Find("[data-testid=assets-empty]").TextContent.Should().Contain("No assets yet"));
        page.Find("[data-testid=asset-drop-zone] input[type=file]").HasAttribute("multiple").Should().BeTrue();
    }

    [Fact]
    public async Task Render_DatabaseFails_ShowsErrorAndRetryLoadsTheList()
    {
        await UploadAsync("png", "logo.png");
        Database.Fail(new InvalidOperationException("database is locked"));

        var page = Render<Assets>();

        page.WaitForAssertion(() => page.Find("[data-testid=assets-error]").TextContent.Should().Contain("could not be loaded").And.Contain("database is locked"));
        Database.Open();
        await page.Find("[data-testid=assets-error] button").ClickAsync(new());
        page.WaitForAssertion(() => page.Find("[data-testid=asset-grid]").TextContent.Should().Contain("logo.png"));
    }

    [Fact]
    public async Task Render_WithAssets_ListsOnlyMineNewestFirstWithTheirDetails()
    {
        var logo = await UploadAsync("png", "logo.png");
        var music = await UploadAsync("mp3", "theme.mp3");
        var clip = await UploadAsync("mp4", "intro.mp4");
        await UploadAsync("jpg", "not-mine.jpg", OtherUserId);

        var page = Render<Assets>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=asset-card]").Should().HaveCount(3));
        page.FindAll("[data-testid=asset-name]").Select(n => n.TextContent).Should().Equal("intro.mp4", "theme.mp3", "logo.png");
        page.Find("[data-testid=asset-count]").TextContent.Should().Be("3 assets");
        var clipCard = page.Find($"[data-asset='{clip.Id}']");
        clipCard.QuerySelector("[data-testid=asset-kind]")!.TextContent.Should().Contain("Video");
        clipCard.TextContent.Should().Contain("video/mp4");
        clipCard.QuerySelector("[data-testid=asset-thumbnail]")!.GetAttribute("src").Should().Be($"/api/assets/{clip.Id}/thumbnail");
        page.Find($"[data-asset='{logo.Id}'] [data-testid=asset-thumbnail]").GetAttribute("src").Should().Be($"/api/assets/{logo.Id}/thumbnail");
        page.Find($"[data-asset='{music.Id}']").QuerySelector("[data-testid=asset-thumbnail]").Should().BeNull("sound has no preview: its card shows a note");
        page.Find($"[data-asset='{music.Id}'] [data-testid=asset-kind]").TextContent.Should().Contain("Sound");
    }

    [Fact]
    public async Task Render_SizeIsHumanReadable()
    {
        var logo = await UploadAsync("png", "logo.png");

        var page = Render<Assets>();

        page.WaitForAssertion(() => page.Find($"[data-asset='{logo.Id}'] [data-testid=asset-size]").TextContent.Should().MatchRegex(@"^\d+(\.\d)?\u00A0(B|KB)$"));
    }

    [Fact]
    public async Task Drop_FilesOnThePage_JoinTheGridWithoutReload()
    {
        var page = Render<Assets>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=assets-empty]").Should().ContainSingle());

        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(await MediaSamples.GetAsync("png"), "one.png"),
            InputFileContent.CreateFromBinary(await MediaSamples.GetAsync("webm"), "two.webm"));

        page.WaitForAssertion(() => page.FindAll("[data-testid=asset-card]").Should().HaveCount(2));
        page.FindAll("[data-testid=asset-name]").Select(n => n.TextContent).Should().Equal("two.webm", "one.png");
        page.FindAll("[data-testid=assets-empty]").Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_Confirmed_RemovesTheCardAndTheAsset()
    {
        var logo = await UploadAsync("png", "logo.png");
        var keep = await UploadAsync("jpg", "keep.jpg");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<Assets>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=asset-card]").Should().HaveCount(2));

        // The click's handler waits for the dialog's answer: answer it before awaiting the click.
        var click = page.Find($"[data-asset='{logo.Id}'] [data-testid=asset-delete]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.Find(".mud-dialog").TextContent.Should().Contain("Delete this asset?").And.Contain("logo.png will be removed"));
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").ClickAsync(new());
        await click;

        page.WaitForAssertion(() => page.FindAll("[data-testid=asset-card]").Should().ContainSingle().Which.GetAttribute("data-asset").Should().Be(keep.Id.ToString()));
        (await Library.GetAsync(UserId, logo.Id, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task Delete_Cancelled_KeepsTheAsset()
    {
        var logo = await UploadAsync("png", "logo.png");
        var dialogs = Render<MudDialogProvider>();
        var page = Render<Assets>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=asset-card]").Should().ContainSingle());

        var click = page.Find("[data-testid=asset-delete]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog button").Should().NotBeEmpty());
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new());
        await click;

        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog").Should().BeEmpty());
        page.FindAll("[data-testid=asset-card]").Should().ContainSingle();
        (await Library.GetAsync(UserId, logo.Id, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Delete_AssetUsedByAJob_ShowsWhyAndKeepsIt()
    {
        var music = await UploadAsync("mp3", "theme.mp3");
        var job = await Jobs.CreateAsync(UserId, new CreateJobCommand("Launch teaser", "Three habits of fast remote teams", DefaultTemplates.Reels30) { MusicAssetId = music.Id }, CancellationToken.None);
        job.Succeeded.Should().BeTrue();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<Assets>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=asset-card]").Should().ContainSingle());

        var click = page.Find("[data-testid=asset-delete]").ClickAsync(new());
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog button").Should().NotBeEmpty());
        await dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete").ClickAsync(new());
        await click;

        page.WaitForAssertion(() => page.Find("[data-testid=asset-problem]").TextContent.Should().Contain("theme.mp3 was not deleted").And.Contain("'Launch teaser'"));
        page.FindAll("[data-testid=asset-card]").Should().ContainSingle();
        (await Library.GetAsync(UserId, music.Id, CancellationToken.None)).Should().NotBeNull();
    }

    private async Task<Asset> UploadAsync(string extension, string fileName, string owner = UserId)
    {
        using var content = new MemoryStream(await MediaSamples.GetAsync(extension));
        var result = await Library.UploadAsync(owner, fileName, content, CancellationToken.None);
        return result.Asset ?? throw new InvalidOperationException(result.Refusal!.Detail);
    }
}
