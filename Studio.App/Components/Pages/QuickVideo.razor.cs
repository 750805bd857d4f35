using Studio.Core.Scripts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.App.Components.Shared;
using Studio.Core.Common;
using Studio.Core.Jobs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.App.Components.Pages;

/// <summary>
/// The quickest way to a video: a theme, an optional title, a template, the provider that makes the clips and the
/// finish (voice-over, language, captions, transitions). What it would cost is asked again whenever one of those
/// changes and shown before Generate, which creates the job, starts it and opens its page. The job service validates;
/// its messages are shown at their fields, and what the chosen provider cannot do at the provider.
/// </summary>
public sealed partial class QuickVideo : IDisposable
{
    private const string PlaceholderTheme = "your theme";
    private const string SetupCommand = "dotnet run --project Studio.App -- setup";

    // Messages keyed by the service's field names; these fields have a place on the form, the rest go on top.
    private static readonly HashSet<string> FieldKeys = new(StringComparer.Ordinal) { "theme", "title", "template", "provider" };

    // The estimate runs on a placeholder theme until one is typed; these are the form's to report, at Generate.
    private static readonly HashSet<string> NotTheEstimates = new(StringComparer.Ordinal) { "theme", "title" };

    private readonly CancellationTokenSource _cts = new();
    private readonly Dictionary<Guid, VideoTemplate?> _templateDetails = [];
    private string? _loadError;
    private string _theme = string.Empty;
    private string? _title;
    private Guid? _templateId;
    private CutChoices _cut = CutChoices.Default;
    private readonly Dictionary<int, string> _promptEdits = [];
    private readonly Dictionary<int, string> _narrationEdits = [];
    private List<StoryboardLine> _drafted = [];
    private IReadOnlyList<string>? _storyboard;
    private IDictionary<string, string[]> _errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
    private string? _submitError;
    private bool _submitting;
    private string? _providerChoice;
    private CancellationTokenSource? _estimateCts;
    private JobEstimate? _estimate;
    private IReadOnlyList<string> _estimateErrors = [];
    private bool _estimating;
    private bool _estimateFailed;

    /// <summary>The templates offered; carried from the prerender to the circuit so the form does not flash back to loading.</summary>
    [PersistentState]
    public IReadOnlyList<TemplateSummary>? Offered { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private TemplateCatalog Templates { get; set; } = default!;

    [Inject]
    private VideoProviderCatalog Providers { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<QuickVideo> Logger { get; set; } = default!;

    // A click before the circuit is connected would be lost, so the button waits for interactivity; a provider that
    // cannot make this video is refused before anything is created.
    private bool CanSubmit => RendererInfo.IsInteractive && !_submitting && Offered is { Count: > 0 } && _estimateErrors.Count == 0;

    /// <summary>The provider asked: the user's pick, else the template's default.</summary>
    private string? Provider => _providerChoice ?? SelectedTemplate?.DefaultProvider;

    private string? ProviderDisplayName => Provider is { } name ? Providers.Find(name)?.DisplayName ?? name : null;

    private string? EstimateProblem =>
        _estimateErrors.Count > 0 ? L["No price: the provider above cannot make this video as it stands."].Value
        : _estimateFailed ? L["The price could not be worked out just now; it is tried again with your next change."].Value
        : null;

    private TemplateSummary? SelectedTemplate => Offered?.FirstOrDefault(t => t.Id == _templateId);

    /// <summary>The storyboard as shown: the draft, with the user's edits over it.</summary>
    private IReadOnlyList<StoryboardLine> Lines =>
        [.. _drafted.Select((line, i) => new StoryboardLine(_promptEdits.GetValueOrDefault(i, line.Prompt), _narrationEdits.GetValueOrDefault(i, line.Narration)))];

    private int NarrationLimit => NarrationBudget.MaxCharacters(SelectedTemplate?.SegmentSeconds ?? 5);

    private IReadOnlyList<string> GeneralErrors =>
        [.. _errors.Where(e => !FieldKeys.Contains(e.Key)).SelectMany(e => e.Value)];

    /// <inheritdoc />
    public void Dispose()
    {
        _estimateCts?.Cancel();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        if (Offered is null)
        {
            await LoadTemplatesAsync();
        }
        else
        {
            await SelectPreferredAsync();
        }
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorFor(string field)
    {
        IEnumerable<string> messages = _errors.TryGetValue(field, out var given) ? given : [];
        if (field == "provider")
        {
            // The estimate's refusals (aspect ratio, segment length, prompt length…) all come from the provider's capabilities.
            messages = _estimateErrors.Concat(messages).Distinct(StringComparer.Ordinal);
        }

        var text = string.Join(" ", messages);
        return text.Length > 0 ? text : null;
    }

    private string TemplateText(Guid? id) => Offered?.FirstOrDefault(t => t.Id == id)?.Name ?? string.Empty;

    private async Task LoadTemplatesAsync()
    {
        _loadError = null;
        Offered = null;
        try
        {
            Offered = await Templates.ListAsync(_cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Any failure to read becomes the page's error state with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "the templates");
            _loadError = L["Studio could not read them from its database. Check that the server is running, then try again."];
            return;
        }

        await SelectPreferredAsync();
    }

    private async Task SelectPreferredAsync()
    {
        if (Offered is null)
        {
            return;
        }

        var preferred = Offered.FirstOrDefault(t => string.Equals(t.Name, DefaultTemplates.Reels30, StringComparison.OrdinalIgnoreCase))
            ?? (Offered.Count > 0 ? Offered[0] : null);
        if (preferred is not null)
        {
            await OnTemplateChangedAsync(preferred.Id);
        }
    }

    private void OnThemeChanged(string? theme)
    {
        _theme = theme ?? string.Empty;
        _errors.Remove("theme");
        DraftStoryboard();
    }

    private void OnTitleChanged(string? title)
    {
        _title = title;
        _errors.Remove("title");
    }

    private async Task OnCutChangedAsync(CutChoices cut)
    {
        _cut = cut;
        DraftStoryboard();
        await RefreshEstimateAsync();
    }

    private async Task OnProviderChangedAsync(string name)
    {
        _providerChoice = name;
        _errors.Remove("provider");
        await RefreshEstimateAsync();
    }

    private async Task OnLineChangedAsync(StoryboardEdit edit)
    {
        if (edit.Index < 0 || edit.Index >= _drafted.Count)
        {
            return;
        }

        // A line typed back to the draft counts as untouched again: the script writer may write it.
        Keep(_promptEdits, edit.Index, edit.Line.Prompt, _drafted[edit.Index].Prompt);
        Keep(_narrationEdits, edit.Index, edit.Line.Narration, _drafted[edit.Index].Narration);
        _storyboard = [.. Lines.Select(l => l.Prompt)];

        // A prompt may be too long for the provider, a silenced line may drop the voice-over's price.
        await RefreshEstimateAsync();

        static void Keep(Dictionary<int, string> edits, int index, string value, string drafted)
        {
            if (string.Equals(value, drafted, StringComparison.Ordinal))
            {
                edits.Remove(index);
            }
            else
            {
                edits[index] = value;
            }
        }
    }

    private async Task OnTemplateChangedAsync(Guid? id)
    {
        if (id != _templateId)
        {
            _promptEdits.Clear();
            _narrationEdits.Clear();
        }

        _templateId = id;
        _errors.Remove("template");
        if (id is { } templateId && !_templateDetails.ContainsKey(templateId))
        {
            try
            {
                _templateDetails[templateId] = await Templates.FindAsync(templateId.ToString(), _cts.Token);
            }
            catch (OperationCanceledException) when (_cts.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The storyboard draft is a nicety; the form works without it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                UiLog.LoadFailed(Logger, ex, "a template's prompts");
            }
        }

        // The template's captions setting is the starting point; the form's switch can still change it.
        if (id is { } chosen && _templateDetails.TryGetValue(chosen, out var template) && template is not null)
        {
            _cut = _cut with { Captions = template.Captions };
        }

        DraftStoryboard();
        await RefreshEstimateAsync();
    }

    /// <summary>
    /// Asks what the video as the form stands would cost, cancelling a question still running; the last answer stays
    /// (dimmed) until the new one comes. A prerender asks nothing: the circuit asks once it is connected.
    /// </summary>
    private async Task RefreshEstimateAsync()
    {
        _estimateCts?.Cancel();
        if (!RendererInfo.IsInteractive || _templateId is null)
        {
            return;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        _estimateCts = cts;
        _estimating = true;
        try
        {
            var userId = await AuthenticationState.RequireUserIdAsync();
            var theme = TextInput.Clean(_theme);
            var result = await Jobs.EstimateAsync(userId, Command(theme.Length > 0 ? theme : PlaceholderTheme), cts.Token);
            cts.Token.ThrowIfCancellationRequested();
            _estimate = result.Estimate;
            _estimateErrors = result.Errors is null
                ? []
                : [.. result.Errors.ToDictionary().Where(e => !NotTheEstimates.Contains(e.Key)).SelectMany(e => e.Value)];
            _estimateFailed = false;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            // A newer question replaced this one, or the page closed.
            return;
        }
#pragma warning disable CA1031 // The price is shown when it can be; the form still works without it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "an estimate");
            _estimate = null;
            _estimateErrors = [];
            _estimateFailed = true;
        }
        finally
        {
            if (ReferenceEquals(_estimateCts, cts))
            {
                _estimateCts = null;
                _estimating = false;
            }
        }
    }

    private void DraftStoryboard()
    {
        var template = _templateId is { } id ? _templateDetails.GetValueOrDefault(id) : null;
        var theme = TextInput.Clean(_theme);
        _drafted = template is null
            ? []
            : [.. OfflineScriptWriter.Write(template, theme.Length > 0 ? theme : PlaceholderTheme, _cut.Language ?? template.Language).Scenes.Select(s => new StoryboardLine(s.Prompt, s.Narration))];
        _storyboard = template is null ? null : [.. Lines.Select(l => l.Prompt)];
    }

    /// <summary>One item per segment with the user's edits and nulls elsewhere (left to the script writer), or null when nothing was edited.</summary>
    private List<string?>? Edited(Dictionary<int, string> edits) =>
        edits.Count == 0 ? null : [.. Enumerable.Range(0, _drafted.Count).Select(i => edits.TryGetValue(i, out var line) ? line : null)];

    /// <summary>The job as the form stands, about <paramref name="theme"/>: always text-to-video (images come with the wizard).</summary>
    private CreateJobCommand Command(string theme) => new(
        _title,
        theme,
        _templateId?.ToString(),
        Provider: Provider,
        Mode: GenerationMode.TextToVideo,
        Prompts: Edited(_promptEdits),
        Language: _cut.Language,
        Voice: _cut.VoiceEngine is { } engine ? new Studio.Core.Voice.VoiceChoice(engine, null) : null,
        Captions: _cut.Captions,
        Transition: _cut.Transition,
        Narrations: Edited(_narrationEdits));

    private async Task GenerateAsync()
    {
        if (!CanSubmit)
        {
            return;
        }

        _submitting = true;
        _submitError = null;
        _errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            var userId = await AuthenticationState.RequireUserIdAsync();
            var result = await Jobs.CreateAsync(userId, Command(_theme), _cts.Token);
            if (result.Job is not { } job)
            {
                _errors = result.Errors?.ToDictionary() ?? _errors;
                return;
            }

            // The job exists either way: if it could not be started its page says it is a draft.
            var started = await Jobs.StartWithReasonAsync(userId, job.Id, _cts.Token);
            if (started.Outcome == JobCommandOutcome.OverBudget)
            {
                _submitError = L["{0} The video is kept as a draft in My videos.", started.Reason ?? string.Empty];
                return;
            }

            Navigation.NavigateTo($"/jobs/{job.Id}");
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Left the page.
        }
#pragma warning disable CA1031 // Any failure is shown on the form; the user can try again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.CreateFailed(Logger, ex);
            _submitError = L["Studio could not create the video just now. Try again in a moment."];
        }
        finally
        {
            _submitting = false;
        }
    }
}
