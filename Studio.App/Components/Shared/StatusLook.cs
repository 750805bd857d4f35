using MudBlazor;
using Studio.Core.Jobs;
using Studio.Core.Segments;

namespace Studio.App.Components.Shared;

/// <summary>How a job or segment status looks: its words, colour and icon. One place, so every page agrees.</summary>
/// <param name="Label">Words for users.</param>
/// <param name="Color">Chip and progress colour.</param>
/// <param name="Icon">Chip icon.</param>
/// <param name="IsBusy">True while work is going on (the progress bar moves).</param>
internal sealed record StatusLook(string Label, Color Color, string Icon, bool IsBusy)
{
    /// <summary>The look of a job status.</summary>
    public static StatusLook Of(JobStatus status) => status switch
    {
        JobStatus.Draft => new("Draft", Color.Default, Icons.Material.Filled.EditNote, false),
        JobStatus.Queued => new("Queued", Color.Info, Icons.Material.Filled.Schedule, true),
        JobStatus.Running => new("Generating", Color.Primary, Icons.Material.Filled.Autorenew, true),
        JobStatus.Assembling => new("Assembling", Color.Secondary, Icons.Material.Filled.MovieCreation, true),
        JobStatus.Completed => new("Ready", Color.Success, Icons.Material.Filled.CheckCircle, false),
        JobStatus.Failed => new("Failed", Color.Error, Icons.Material.Filled.ErrorOutline, false),
        JobStatus.Cancelled => new("Cancelled", Color.Dark, Icons.Material.Filled.Block, false),
        _ => new(status.ToString(), Color.Default, Icons.Material.Filled.HelpOutline, false),
    };

    /// <summary>The look of a segment status.</summary>
    public static StatusLook Of(SegmentStatus status) => status switch
    {
        SegmentStatus.Pending => new("Waiting", Color.Default, Icons.Material.Filled.HourglassEmpty, false),
        SegmentStatus.Submitting => new("Submitting", Color.Info, Icons.Material.Filled.CloudUpload, true),
        SegmentStatus.Submitted => new("Submitted", Color.Info, Icons.Material.Filled.CloudQueue, true),
        SegmentStatus.Rendering => new("Rendering", Color.Primary, Icons.Material.Filled.Autorenew, true),
        SegmentStatus.Downloading => new("Downloading", Color.Tertiary, Icons.Material.Filled.CloudDownload, true),
        SegmentStatus.Succeeded => new("Done", Color.Success, Icons.Material.Filled.CheckCircle, false),
        SegmentStatus.Failed => new("Failed", Color.Error, Icons.Material.Filled.ErrorOutline, false),
        SegmentStatus.Cancelled => new("Cancelled", Color.Dark, Icons.Material.Filled.Block, false),
        _ => new(status.ToString(), Color.Default, Icons.Material.Filled.HelpOutline, false),
    };
}
