using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Studio.App.Components.Shared.Assets;
using Studio.Core.Assets;
using Studio.Tests.Fakes.Hostile;

namespace Studio.Tests.Components;

/// <summary>
/// The hostile-input corpus's file cases through the upload component (issue 7 asks for both the API and the component):
/// every file refused with its reason shown on its line, nothing reported as uploaded, nothing stored, no scratch left.
/// </summary>
public sealed class AssetDropZoneHostileTests : AssetComponentTest
{
    public static TheoryData<string> FileCaseNames => [.. HostileCorpus.FileCases.Select(c => c.Name)];

    [Fact]
    public void Corpus_MostCasesAreFiles()
    {
        HostileCorpus.FileCases.Should().HaveCountGreaterThanOrEqualTo(50, "only the broken-request cases have no single file to drop");
        HostileCorpus.FileCases.Should().OnlyContain(c => c.File != null);
    }

    [Theory]
    [MemberData(nameof(FileCaseNames))]
    public async Task Drop_HostileFile_RefusedWithReasonShownAndNothingStored(string name)
    {
        var hostile = HostileCorpus.FileCases.Single(c => c.Name == name);
        var bytes = await hostile.File!.Bytes();
        var uploaded = new List<Asset>();
        var zone = Render<AssetDropZone>(p => p.Add(z => z.Multiple, true).Add(z => z.OnUploaded, a => uploaded.Add(a)));

        zone.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(bytes, hostile.File.FileName));

        zone.WaitForAssertion(() => zone.Find("[data-testid=upload-item]").GetAttribute("data-state").Should().Be("Refused"), TimeSpan.FromSeconds(30));
        zone.Find("[data-testid=upload-problem]").TextContent.Should().ContainEquivalentOf(hostile.Detail);
        zone.Find("[data-testid=upload-status]").TextContent.Should().Be("Refused");
        uploaded.Should().BeEmpty();
        (await StoredAsync()).Should().Be((0, 0, 0), "a refusal leaves no row, no stored file and no scratch file");
    }
}
