using Studio.Core.Scripts;
using Studio.Core.Jobs;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.Tests.Builders;

/// <summary>Builds jobs (with their segments) from the default Reels template, in a chosen state.</summary>
public sealed class JobBuilder
{
    private static readonly DateTimeOffset DefaultNow = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private string _owner = "user-1";
    private DateTimeOffset _createdAt = DefaultNow;
    private bool _queued;

    public JobBuilder OwnedBy(string owner)
    {
        _owner = owner;
        return this;
    }

    public JobBuilder CreatedAt(DateTimeOffset at)
    {
        _createdAt = at;
        return this;
    }

    public JobBuilder Queued()
    {
        _queued = true;
        return this;
    }

    public ProductionJob Build()
    {
        var template = DefaultTemplates.Create(_createdAt).Single(t => t.Name == DefaultTemplates.Reels30);
        var id = Guid.CreateVersion7(_createdAt);
        var job = new ProductionJob(id, _owner, "A test video", "Testing", template, "local", GenerationMode.TextToVideo, 0m, _createdAt);
        foreach (var (prompt, i) in OfflineScriptWriter.Write(template, "Testing", "en").Scenes.Select((s, i) => (s.Prompt, i)))
        {
            job.AddSegment(new Segment(Guid.CreateVersion7(_createdAt), id, i, prompt, GenerationMode.TextToVideo, null, "local", 5, 0m));
        }

        if (_queued)
        {
            job.Queue();
        }

        return job;
    }
}
