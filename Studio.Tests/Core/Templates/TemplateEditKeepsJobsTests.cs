using Microsoft.EntityFrameworkCore;
using Studio.Core.Assembly;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Orchestration;
using Studio.Core.Persistence;
using Studio.Core.Storage;
using Studio.Core.Templates;
using Studio.Tests.Core.Assembly;

namespace Studio.Tests.Core.Templates;

/// <summary>
/// A template used by jobs can be changed or deleted without breaking them: a job copies its shape (segments, seconds,
/// frame, transition, captions) at creation, so its details and its assembly keep that shape. Real local provider,
/// FFmpeg and SQLite.
/// </summary>
public sealed class TemplateEditKeepsJobsTests : IAsyncLifetime
{
    private const string Owner = "user-1";
    private CoreHost _core = null!;

    public async Task InitializeAsync() => _core = await CoreHost.StartAsync();

    public async Task DisposeAsync() => await _core.DisposeAsync();

    [Fact]
    public async Task Update_TemplateOfAQueuedJob_JobKeepsItsShapeAndAssemblesToTheOriginalLength()
    {
        var template = await CreateTemplateAsync(new TemplateInput("Square 3x2", "", "1:1", 3, 2, "local", DefaultPrompts: ["first", "second", "third"]));
        var jobId = await CreateAndStartAsync(template.Id);

        var updated = await _core.Get<TemplateEditor>().UpdateAsync(Owner, false, template.Id, new TemplateInput(
            "Square 3x2", "", "16:9", 5, 4, "local", DefaultPrompts: ["changed"], Transition: "crossfade", Captions: true), CancellationToken.None);
        updated.Outcome.Should().Be(TemplateOutcome.Done);

        var details = (await _core.Get<JobService>().GetAsync(Owner, jobId, CancellationToken.None))!;
        details.Segments.Should().HaveCount(3);
        details.Segments.Should().OnlyContain(s => s.Seconds == 2);
        details.Segments.Select(s => s.Prompt).Should().Equal("first", "second", "third");
        details.AspectRatio.Should().Be(AspectRatio.Square1x1);
        details.Transition.Should().Be(TransitionStyle.Cut);
        details.Captions.Should().BeFalse();

        await RunUntilFinishedAsync(jobId);

        var job = await _core.LoadJobAsync(jobId);
        job.Status.Should().Be(JobStatus.Completed, job.Error);
        var video = _core.Get<IFileStore>().TryGetLocalPath(FileKeys.FinalVideo(jobId))!;
        var (_, seconds, _) = await MediaMeasure.StreamsAsync(video);
        seconds.Should().BeApproximately(6, 0.1, "three segments of 2 s, as the template was when the job was made");
        var size = await MediaMeasure.RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", video);
        size.Stdout.Trim().Should().Be("1080,1080");

        var later = await _core.Get<JobService>().CreateAsync(Owner, new CreateJobCommand(null, "After the change", template.Id.ToString()), CancellationToken.None);
        later.Job!.Segments.Should().HaveCount(5).And.OnlyContain(s => s.Seconds == 4, "a new job takes the template as it is now");
        later.Job.Captions.Should().BeTrue();
    }

    [Fact]
    public async Task Delete_TemplateOfAJob_JobStillReadsAndNewJobsCannotUseIt()
    {
        var template = await CreateTemplateAsync(new TemplateInput("Gone soon", "", "9:16", 2, 3, "local"));
        var created = await _core.Get<JobService>().CreateAsync(Owner, new CreateJobCommand("Kept", "A job that outlives its template", template.Id.ToString()), CancellationToken.None);

        (await _core.Get<TemplateEditor>().DeleteAsync(Owner, false, template.Id, CancellationToken.None)).Outcome.Should().Be(TemplateOutcome.Done);

        var details = (await _core.Get<JobService>().GetAsync(Owner, created.Job!.Id, CancellationToken.None))!;
        details.TemplateName.Should().Be("Gone soon");
        details.Segments.Should().HaveCount(2).And.OnlyContain(s => s.Seconds == 3);
        var again = await _core.Get<JobService>().CreateAsync(Owner, new CreateJobCommand(null, "Another", template.Id.ToString()), CancellationToken.None);
        again.Succeeded.Should().BeFalse();
        again.Errors!.ToDictionary().Should().ContainKey("template");
    }

    private async Task<VideoTemplate> CreateTemplateAsync(TemplateInput input)
    {
        var result = await _core.Get<TemplateEditor>().CreateAsync(Owner, input, CancellationToken.None);
        result.Outcome.Should().Be(TemplateOutcome.Done, string.Join("; ", result.Errors?.ToDictionary().SelectMany(e => e.Value) ?? []));
        return result.Template!;
    }

    private async Task<Guid> CreateAndStartAsync(Guid templateId)
    {
        var jobs = _core.Get<JobService>();
        var created = await jobs.CreateAsync(Owner, new CreateJobCommand("Made before the edit", "Testing template edits", templateId.ToString()), CancellationToken.None);
        created.Succeeded.Should().BeTrue(string.Join("; ", created.Errors?.ToDictionary().SelectMany(e => e.Value) ?? []));
        (await jobs.StartAsync(Owner, created.Job!.Id, CancellationToken.None)).Should().Be(JobCommandOutcome.Done);
        return created.Job.Id;
    }

    private Task RunUntilFinishedAsync(Guid jobId) => _core.RunUntilFinishedAsync(jobId, "template-test");

}
