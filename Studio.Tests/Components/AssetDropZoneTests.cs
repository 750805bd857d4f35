using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Studio.App.Components.Shared.Assets;
using Studio.Core.Assets;
using Studio.Tests.Fakes.Hostile;

namespace Studio.Tests.Components;

/// <summary>The drop zone over the real asset library: accepted files stored with full progress, refusals explained, parameters honoured.</summary>
public sealed class AssetDropZoneTests : AssetComponentTest
{
    public static TheoryData<string, string> GoodFiles => new()
    {
        { "png", "image/png" },
        { "jpg", "image/jpeg" },
        { "webp", "image/webp" },
        { "mp4", "video/mp4" },
        { "mov", "video/quicktime" },
        { "webm", "video/webm" },
        { "mp3", "audio/mpeg" },
        { "wav", "audio/wav" },
        { "m4a", "audio/mp4" },
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public async Task Drop_GoodFile_StoredWithProgressAt100AndReported(string extension, string contentType)
    {
        var bytes = await MediaSamples.GetAsync(extension);
        var uploaded = new List<Asset>();
        var zone = Render<AssetDropZone>(p => p.Add(z => z.Multiple, true).Add(z => z.OnUploaded, a => uploaded.Add(a)));

        zone.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, $"sample.{extension}"));

        zone.WaitForAssertion(() => zone.Find("[data-testid=upload-item]").GetAttribute("data-state").Should().Be("Stored"));
        var item = zone.Find("[data-testid=upload-item]");
        item.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow").Should().Be("100");
        item.QuerySelector("[data-testid=upload-problem]").Should().BeNull();
        item.TextContent.Should().Contain($"sample.{extension}").And.Contain("Added");
        uploaded.Should().ContainSingle().Which.ContentType.Should().Be(contentType);
        var stored = await Library.ListAsync(UserId, CancellationToken.None);
        stored.Should().ContainSingle().Which.SizeBytes.Should().Be(bytes.Length);
        (await StoredAsync()).Should().Be((1, 1, 0));
    }

    [Fact]
    public async Task Drop_TwoFilesAtOnce_BothStoredInOrder()
    {
        var uploaded = new List<Asset>();
        var zone = Render<AssetDropZone>(p => p.Add(z => z.Multiple, true).Add(z => z.OnUploaded, a => uploaded.Add(a)));

        zone.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(await MediaSamples.GetAsync("png"), "one.png"),
            InputFileContent.CreateFromBinary(await MediaSamples.GetAsync("mp4"), "two.mp4"));

        zone.WaitForAssertion(() => zone.FindAll("[data-testid=upload-item][data-state=Stored]").Should().HaveCount(2));
        uploaded.Select(a => a.OriginalFileName).Should().Equal("one.png", "two.mp4");
        (await StoredAsync()).Should().Be((2, 2, 0));
    }

    [Fact]
    public async Task Drop_KindNotAccepted_RefusedWithWhatIsAcceptedAndNothingStored()
    {
        var zone = Render<AssetDropZone>(p => p.Add(z => z.Accept, [AssetKind.Image]));

        zone.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(await MediaSamples.GetAsync("mp4"), "clip.mp4"));

        zone.WaitForAssertion(() => zone.Find("[data-testid=upload-item]").GetAttribute("data-state").Should().Be("Refused"));
        zone.Find("[data-testid=upload-problem]").TextContent.Should().Be("This is a MP4; only PNG, JPEG, WebP are accepted here.");
        (await StoredAsync()).Should().Be((0, 0, 0));
    }

    [Fact]
    public void Render_AcceptImagesOnly_InputAndHintNameOnlyImages()
    {
        var zone = Render<AssetDropZone>(p => p.Add(z => z.Accept, [AssetKind.Image]));

        zone.Find("input[type=file]").GetAttribute("accept").Should().Be("image/png,.png,image/jpeg,.jpg,image/webp,.webp");
        zone.Find("input[type=file]").HasAttribute("multiple").Should().BeFalse();
        zone.Find(".drop-face").TextContent.Should().Contain("Images (PNG, JPEG, WebP) up to 2\u00A0MB").And.NotContain("Clips");
    }

    [Fact]
    public void Render_Defaults_AcceptsEveryKindWithItsLimit()
    {
        var zone = Render<AssetDropZone>(p => p.Add(z => z.Multiple, true));

        zone.Find("input[type=file]").HasAttribute("multiple").Should().BeTrue();
        zone.Find("input[type=file]").HasAttribute("disabled").Should().BeFalse();
        zone.Find("[data-testid=asset-drop-zone]").TextContent.Should().Contain("Add images, clips or sound")
            .And.Contain("Clips (MP4, MOV, WebM) up to 500\u00A0MB").And.Contain("Sound (MP3, WAV, M4A) up to 50\u00A0MB");
    }

    [Fact]
    public void Render_CompactWithLabel_ShowsTheLabelSmall()
    {
        var zone = Render<AssetDropZone>(p => p.Add(z => z.Compact, true).Add(z => z.Label, "Use my own clip"));

        zone.Find(".asset-drop").ClassList.Should().Contain("compact");
        zone.Find(".drop-label").TextContent.Trim().Should().Be("Use my own clip");
        zone.Find("input[type=file]").GetAttribute("aria-label").Should().Be("Use my own clip");
    }

    [Fact]
    public async Task Render_Disabled_InputDisabledAndAChangeStoresNothing()
    {
        var zone = Render<AssetDropZone>(p => p.Add(z => z.Disabled, true));

        zone.Find("input[type=file]").HasAttribute("disabled").Should().BeTrue();
        zone.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(await MediaSamples.GetAsync("png"), "a.png"));
        zone.FindAll("[data-testid=upload-item]").Should().BeEmpty();
        (await StoredAsync()).Should().Be((0, 0, 0));
    }

    [Fact]
    public void Render_BeforeTheCircuitConnects_InputDisabled()
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var zone = Render<AssetDropZone>();

        zone.Find("input[type=file]").HasAttribute("disabled").Should().BeTrue();
    }

    [Fact]
    public async Task Drop_TooManyFiles_NoticeAndNothingRead()
    {
        var png = await MediaSamples.GetAsync("png");
        var zone = Render<AssetDropZone>(p => p.Add(z => z.Multiple, true));

        zone.FindComponent<InputFile>().UploadFiles([.. Enumerable.Range(0, AssetDropZone.MaxFilesAtOnce + 1).Select(i => InputFileContent.CreateFromBinary(png, $"{i}.png"))]);

        zone.Find("[data-testid=drop-notice]").TextContent.Should().Contain("21 files at once is too many: drop at most 20.");
        zone.FindAll("[data-testid=upload-item]").Should().BeEmpty();
        (await StoredAsync()).Should().Be((0, 0, 0));
    }

    [Fact]
    public async Task Drop_OneGoodOneBad_GoodStoredBadExplained()
    {
        var uploaded = new List<Asset>();
        var zone = Render<AssetDropZone>(p => p.Add(z => z.Multiple, true).Add(z => z.OnUploaded, a => uploaded.Add(a)));

        zone.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary("#!/bin/sh\necho hi\n"u8.ToArray(), "evil.png"),
            InputFileContent.CreateFromBinary(await MediaSamples.GetAsync("jpg"), "good.jpg"));

        zone.WaitForAssertion(() => zone.FindAll("[data-testid=upload-item][data-state=Stored]").Should().ContainSingle());
        var refused = zone.Find("[data-testid=upload-item][data-state=Refused]");
        refused.TextContent.Should().Contain("evil.png");
        refused.QuerySelector("[data-testid=upload-problem]")!.TextContent.Should().ContainEquivalentOf("script");
        uploaded.Should().ContainSingle().Which.OriginalFileName.Should().Be("good.jpg");
        (await StoredAsync()).Should().Be((1, 1, 0));
    }
}
