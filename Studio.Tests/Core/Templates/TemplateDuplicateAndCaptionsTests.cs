using Studio.Core.Jobs;
using Studio.Core.Templates;

namespace Studio.Tests.Core.Templates;

/// <summary>Duplicating templates (anyone's, into an own copy) and the template's captions setting reaching new jobs.</summary>
public sealed class TemplateDuplicateAndCaptionsTests : IAsyncLifetime
{
    private const string Owner = "user-1";
    private CoreHost _core = null!;

    public async Task InitializeAsync() => _core = await CoreHost.StartAsync();

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task Duplicate_BuiltInTemplate_MakesAnOwnEditableCopyNamedCopyOf()
    {
        var builtIn = (await _core.Get<TemplateCatalog>().FindAsync(DefaultTemplates.Reels30, CancellationToken.None))!;
        var editor = _core.Get<TemplateEditor>();

        var first = await editor.DuplicateAsync(Owner, builtIn.Id, CancellationToken.None);
        var second = await editor.DuplicateAsync(Owner, builtIn.Id, CancellationToken.None);

        first.Template!.Name.Should().Be("Copy of Reels 30s Standard");
        second.Template!.Name.Should().Be("Copy of Reels 30s Standard (2)");
        first.Template.OwnerId.Should().Be(Owner);
        first.Template.SegmentCount.Should().Be(builtIn.SegmentCount);
        first.Template.DefaultPrompts.Should().Equal(builtIn.DefaultPrompts);
        (await editor.UpdateAsync(Owner, false, first.Template.Id, TemplateInput.From(first.Template) with { SegmentCount = 3, DefaultPrompts = [.. first.Template.DefaultPrompts.Take(3)] }, CancellationToken.None))
            .Outcome.Should().Be(TemplateOutcome.Done, "the copy is the user's own");
        (await editor.UpdateAsync(Owner, false, builtIn.Id, TemplateInput.From(builtIn), CancellationToken.None))
            .Outcome.Should().Be(TemplateOutcome.Forbidden, "the built-in one stays for admins");
    }

    [Fact]
    public void CopyName_LongName_StaysWithinTheLimitAndNumbers()
    {
        var name = new string('x', VideoTemplate.MaxNameLength);
        var first = TemplateEditor.CopyName(name, new HashSet<string>());
        var second = TemplateEditor.CopyName(name, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { first });

        first.Should().HaveLength(VideoTemplate.MaxNameLength).And.StartWith("Copy of ");
        second.Should().HaveLength(VideoTemplate.MaxNameLength).And.EndWith(" (2)");
    }

    [Fact]
    public async Task Duplicate_UnknownTemplate_IsNotFound() =>
        (await _core.Get<TemplateEditor>().DuplicateAsync(Owner, Guid.NewGuid(), CancellationToken.None)).Outcome.Should().Be(TemplateOutcome.NotFound);

    [Theory]
    [InlineData(true, null, true)]
    [InlineData(true, false, false)]
    [InlineData(false, null, false)]
    [InlineData(false, true, true)]
    public async Task Create_Job_CaptionsFollowTheTemplateUnlessTheJobSays(bool templateCaptions, bool? asked, bool expected)
    {
        var template = (await _core.Get<TemplateEditor>().CreateAsync(Owner, new TemplateInput("Captioned", "", "9:16", 2, 3, "local", Captions: templateCaptions), CancellationToken.None)).Template!;

        var job = await _core.Get<JobService>().CreateAsync(Owner, new CreateJobCommand(null, "Captions or not", template.Id.ToString(), Captions: asked), CancellationToken.None);

        job.Job!.Captions.Should().Be(expected);
    }

    [Fact]
    public async Task Update_Captions_IsStoredAndReadBack()
    {
        var editor = _core.Get<TemplateEditor>();
        var template = (await editor.CreateAsync(Owner, new TemplateInput("Switch", "", "9:16", 2, 3, "local"), CancellationToken.None)).Template!;
        template.Captions.Should().BeFalse();

        await editor.UpdateAsync(Owner, false, template.Id, TemplateInput.From(template) with { Captions = true }, CancellationToken.None);

        (await editor.GetAsync(template.Id, CancellationToken.None))!.Captions.Should().BeTrue();
    }
}
