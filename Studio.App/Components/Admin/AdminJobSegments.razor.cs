using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.App.Components.Shared;
using Studio.Core.Admin;
using Studio.Core.Jobs;
using Studio.Core.Segments;

namespace Studio.App.Components.Admin;

/// <summary>A job's segments under its admin grid row, each prompt editable while that is allowed (see <see cref="AdminJobs.EditPromptAsync"/>).</summary>
public sealed partial class AdminJobSegments : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private readonly Dictionary<int, string> _drafts = [];
    private readonly Dictionary<int, string> _errors = [];
    private readonly Dictionary<int, PromptEditKind> _saved = [];
    private JobDetails? _job;
    private string? _error;
    private bool _saving;

    /// <summary>The job whose segments are shown. Required.</summary>
    [Parameter, EditorRequired]
    public Guid JobId { get; set; }

    [Inject]
    private AdminJobs Admin { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _job = await Admin.GetAsync(JobId, _disposed.Token);
            _error = _job is null ? L["The job no longer exists."].Value : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = ex.Message;
        }
    }

    private string Draft(SegmentDetails segment) => _drafts.GetValueOrDefault(segment.Index, segment.Prompt);

    private static PromptEditKind? EditableKind(SegmentDetails segment) => segment.Status switch
    {
        SegmentStatus.Pending => PromptEditKind.ChangedBeforeSubmission,
        SegmentStatus.Succeeded or SegmentStatus.Failed or SegmentStatus.Cancelled => PromptEditKind.Regenerating,
        _ => null,
    };

    private async Task SaveAsync(int index)
    {
        _errors.Remove(index);
        _saved.Remove(index);
        var text = _drafts.GetValueOrDefault(index, string.Empty).Trim();
        if (text.Length == 0)
        {
            _errors[index] = L["Enter a prompt."];
            return;
        }

        _saving = true;
        try
        {
            var adminId = await AuthenticationState.RequireUserIdAsync();
            var result = await Admin.EditPromptAsync(adminId, JobId, index, text, _disposed.Token);
            if (result.Kind is { } kind)
            {
                _saved[index] = kind;
                _drafts.Remove(index);
                await LoadAsync();
            }
            else
            {
                _errors[index] = result.Result.Reason ?? L["The prompt could not be saved."];
            }
        }
        finally
        {
            _saving = false;
        }
    }
}
