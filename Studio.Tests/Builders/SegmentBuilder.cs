using Studio.Core.Segments;

namespace Studio.Tests.Builders;

/// <summary>Builds segments in a given state through their own behaviour methods.</summary>
public sealed class SegmentBuilder
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private int _index;
    private string _prompt = "A sunrise over the city";
    private Func<Segment, Segment> _state = s => s;

    public SegmentBuilder WithIndex(int index)
    {
        _index = index;
        return this;
    }

    public SegmentBuilder WithPrompt(string prompt)
    {
        _prompt = prompt;
        return this;
    }

    public SegmentBuilder Submitting()
    {
        _state = s =>
        {
            s.BeginSubmit(Now);
            return s;
        };
        return this;
    }

    public SegmentBuilder Submitted(string providerJobId = "provider-job-1", decimal chargeUsd = 0m)
    {
        _state = s =>
        {
            s.BeginSubmit(Now);
            s.MarkSubmitted(providerJobId, chargeUsd);
            return s;
        };
        return this;
    }

    public Segment Build()
    {
        var segment = new Segment(Guid.NewGuid(), Guid.NewGuid(), _index, _prompt, GenerationMode.TextToVideo, null, "local", 5, 0m);
        return _state(segment);
    }
}
