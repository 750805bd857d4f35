using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Studio.App.Components.Shared;
using Studio.App.Components.Wizard;
using Studio.Core.Assets;
using Studio.Core.Budget;
using Studio.Core.Drafts;
using Studio.Core.Jobs;
using Studio.Core.Providers;
using Studio.Core.Scripts;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.App.Components.Pages;

/// <summary>
/// The new video wizard: the brief (with the finish: voice-over, language, captions, transitions), the storyboard (one card per segment, with its own mode and asset when hybrid),
/// then the review with the price and Generate. Each step is checked by the job service before the next opens; its
/// messages are shown at their fields or cards. Everything typed is saved server-side as it changes (debounced) and on
/// every step change, so leaving and coming back resumes where the user was.
/// </summary>
public sealed partial class NewVideo : IDisposable
{
    /// <summary>How long the wizard waits after a change before it saves the draft.</summary>
    internal static readonly TimeSpan SaveDelay = TimeSpan.FromSeconds(1);

    private const string ThemeStandIn = "your theme";
    private static readonly HashSet<string> BriefFields = new(StringComparer.Ordinal) { "theme", "title", "template", "provider", "mode", "fallback", "voice.voice" };

    private readonly CancellationTokenSource _cts = new();
    private readonly Dictionary<Guid, VideoTemplate?> _templateDetails = [];
    private WizardDraftContent _draft = WizardDraftContent.Empty;
    private IReadOnlyList<TemplateSummary>? _templates;
    private IReadOnlyList<Asset> _assets = [];
    private string? _loadError;
    private string? _userId;
    private Dictionary<string, string> _errors = new(StringComparer.Ordinal);
    private List<string> _generalErrors = [];
    private JobEstimate? _estimate;
    private BudgetStatus? _budget;
    private bool _working;
    private bool _generating;
    private string? _refusal;
    private CancellationTokenSource? _saveCts;
    private SaveState _saveState = SaveState.None;

    private enum SaveState
    {
        None,
        Pending,
        Saved,
        Failed,
    }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private JobService Jobs { get; set; } = default!;

    [Inject]
    private TemplateCatalog Templates { get; set; } = default!;

    [Inject]
    private VideoProviderCatalog Providers { get; set; } = default!;

    [Inject]
    private WizardDraftStore Drafts { get; set; } = default!;

    [Inject]
    private AssetLibrary AssetLibrary { get; set; } = default!;

    [Inject]
    private BudgetGuard Budget { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<NewVideo> L { get; set; } = default!;

    [Inject]
    private ILogger<NewVideo> Logger { get; set; } = default!;

    private bool Interactive => RendererInfo.IsInteractive;

    private bool Busy => _working || _generating;

    private TemplateSummary? SelectedTemplate => _templates?.FirstOrDefault(t => t.Id == _draft.TemplateId);

    /// <summary>The provider asked: the user's pick, else the template's default.</summary>
    private IVideoProvider? Provider =>
        (_draft.Provider ?? SelectedTemplate?.DefaultProvider) is { } name ? Providers.Find(name) : null;

    private string? FallbackName => _draft.FallbackProvider is { } name ? Providers.Find(name)?.DisplayName ?? name : null;

    private int NarrationLimit => NarrationBudget.MaxCharacters(SelectedTemplate?.SegmentSeconds ?? 5);

    /// <summary>Over the monthly budget by the estimate: Generate is refused before anything is made.</summary>
    private string? BudgetProblem =>
        _estimate is { } estimate && _budget is { RemainingUsd: { } remaining, MonthlyUsd: { } monthly } && estimate.Cost.Total > remaining
            ? L["Over your monthly budget: this video is estimated at {0} and {1} of your {2} is left this month. Choose a cheaper provider or ask an admin to raise your budget.", Formats.Usd(estimate.Cost.Total), Formats.Usd(Math.Max(0, remaining)), Formats.Usd(monthly)].Value
            : null;

    private string SaveText => _saveState switch
    {
        SaveState.Pending => L["Saving…"],
        SaveState.Saved => L["Draft saved"],
        SaveState.Failed => L["Not saved: it is tried again with your next change"],
        _ => string.Empty,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        // A change typed less than a second before leaving is still kept.
        if (_saveState == SaveState.Pending && _userId is not null)
        {
            _ = SaveQuietlyAsync(_userId, _draft);
        }

        _saveCts?.Cancel();
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loadError = null;
        _templates = null;
        try
        {
            _userId = await AuthenticationState.RequireUserIdAsync();
            _templates = await Templates.ListAsync(_cts.Token);
            _assets = await AssetLibrary.ListAsync(_userId, _cts.Token);
            var saved = await Drafts.LoadAsync(_userId, _cts.Token);
            _draft = saved ?? NewDraft();
            _saveState = saved is null ? SaveState.None : SaveState.Saved;
            if (_draft.TemplateId is { } id && _templates.All(t => t.Id != id))
            {
                // The template was deleted since: back to the brief with the default one.
                _draft = _draft with { TemplateId = Preferred()?.Id, Step = 0, Segments = [], DraftedFor = null };
                _draft = WithTemplateFinish(_draft);
            }
            else if (_draft.Finish is null)
            {
                // A draft saved before the wizard asked about the finish.
                _draft = WithTemplateFinish(_draft);
            }

            await LoadTemplateAsync(_draft.TemplateId);
            if (_draft.Step == 2 && Interactive)
            {
                await EstimateAsync(storyboard: true);
            }
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Any failure to read becomes the page's error state with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "the new video wizard");
            _templates = null;
            _loadError = L["Studio could not read your templates and draft from its database. Check that the server is running, then try again."];
        }
    }

    private WizardDraftContent NewDraft() => WithTemplateFinish(WizardDraftContent.Empty with { TemplateId = Preferred()?.Id });

    /// <summary>The draft with its template's finish, unless the user already chose one.</summary>
    private WizardDraftContent WithTemplateFinish(WizardDraftContent draft) =>
        draft.Finish is { Edited: true } || _templates?.FirstOrDefault(t => t.Id == draft.TemplateId) is not { } template
            ? draft
            : draft with { Finish = WizardPlan.FinishFrom(template) };

    private TemplateSummary? Preferred() =>
        _templates?.FirstOrDefault(t => string.Equals(t.Name, DefaultTemplates.Reels30, StringComparison.OrdinalIgnoreCase))
        ?? (_templates is { Count: > 0 } all ? all[0] : null);

    private async Task LoadTemplateAsync(Guid? id)
    {
        if (id is { } templateId && !_templateDetails.ContainsKey(templateId))
        {
            _templateDetails[templateId] = await Templates.FindAsync(templateId.ToString(), _cts.Token);
        }
    }

    private async Task OnDraftChangedAsync(WizardDraftContent draft)
    {
        var templateChanged = draft.TemplateId != _draft.TemplateId;
        foreach (var field in BriefFields.Where(f => !Equals(Field(draft, f), Field(_draft, f))))
        {
            _errors.Remove(field);
        }

        _draft = templateChanged ? WithTemplateFinish(draft) : draft;
        if (templateChanged)
        {
            await LoadTemplateAsync(draft.TemplateId);
        }

        ScheduleSave();

        static object? Field(WizardDraftContent d, string field) => field switch
        {
            "theme" => d.Theme,
            "title" => d.Title,
            "template" => d.TemplateId,
            "provider" => d.Provider,
            "mode" => d.Mode,
            "voice.voice" => (d.Finish?.VoiceEngine, d.Finish?.Voice, d.Finish?.Language),
            _ => d.FallbackProvider,
        };
    }

    private void OnSegmentChanged(WizardSegmentEdit edit)
    {
        var cards = _draft.Cards.ToList();
        if (edit.Index < 0 || edit.Index >= cards.Count)
        {
            return;
        }

        cards[edit.Index] = edit.Segment;
        _draft = _draft with { Segments = cards };
        _errors.Remove(CardKey(edit.Index));
        ScheduleSave();
    }

    private void OnAssetUploaded(Asset asset)
    {
        if (_assets.All(a => a.Id != asset.Id))
        {
            _assets = [asset, .. _assets];
        }
    }

    private async Task GoToAsync(int step)
    {
        if (step < _draft.Step)
        {
            _draft = _draft with { Step = step };
            _refusal = null;
            await SaveNowAsync();
            return;
        }

        while (_draft.Step < step)
        {
            if (!await NextAsync())
            {
                return;
            }
        }
    }

    /// <summary>Checks the step shown and, when it holds, opens the next one and saves.</summary>
    private async Task<bool> NextAsync()
    {
        if (!Interactive || Busy)
        {
            return false;
        }

        _working = true;
        try
        {
            var ok = _draft.Step == 0 ? await CheckBriefAsync() : await CheckStoryboardAsync();
            if (!ok)
            {
                return false;
            }

            if (_draft.Step == 0)
            {
                DraftStoryboard();
            }

            _draft = _draft with { Step = _draft.Step + 1 };
            await SaveNowAsync();
            return true;
        }
        finally
        {
            _working = false;
        }
    }

    private async Task<bool> CheckBriefAsync()
    {
        _errors = new Dictionary<string, string>(StringComparer.Ordinal);
        _generalErrors = [];
        if (string.IsNullOrWhiteSpace(_draft.Theme))
        {
            _errors["theme"] = L["Say what the video is about."];
        }

        if (SelectedTemplate is null)
        {
            _errors["template"] = L["Choose a template."];
        }

        if (Provider is null)
        {
            _errors["provider"] = L["Choose a video provider."];
        }

        if (_errors.Count > 0)
        {
            return false;
        }

        return await EstimateAsync(storyboard: false);
    }

    private async Task<bool> CheckStoryboardAsync()
    {
        _errors = new Dictionary<string, string>(StringComparer.Ordinal);
        _generalErrors = [];
        for (var i = 0; i < _draft.Cards.Count; i++)
        {
            if (CardProblem(i) is { } problem)
            {
                _errors[CardKey(i)] = problem;
            }
        }

        return _errors.Count == 0 && await EstimateAsync(storyboard: true);
    }

    /// <summary>What a card still needs before the review, in words; null when it is complete.</summary>
    private string? CardProblem(int index)
    {
        var card = _draft.Cards[index];
        var mode = WizardPlan.ModeOf(_draft, card, Provider);
        var asset = card.AssetId is { } id ? _assets.FirstOrDefault(a => a.Id == id) : null;
        return mode switch
        {
            _ when string.IsNullOrWhiteSpace(card.Prompt) => L["Write what this segment shows."].Value,
            GenerationMode.ImageToVideo when asset is not { Kind: AssetKind.Image } => L["Image-to-video needs an image: drop one here or pick one from your library."].Value,
            GenerationMode.VideoToVideo when asset is not { Kind: AssetKind.Video } => L["Video-to-video needs a clip: drop one here or pick one from your library."].Value,
            _ => null,
        };
    }

    private static string CardKey(int index) => $"card-{index}";

    /// <summary>Asks the job service about the draft: its messages go to their fields or cards; the price is kept.</summary>
    private async Task<bool> EstimateAsync(bool storyboard)
    {
        try
        {
            var userId = _userId ?? await AuthenticationState.RequireUserIdAsync();
            var result = await Jobs.EstimateAsync(userId, WizardPlan.Command(_draft, Provider, storyboard, ThemeStandIn), _cts.Token);
            _estimate = result.Estimate;
            if (result.Errors is { } errors)
            {
                ShowErrors(errors.ToDictionary());
                return false;
            }

            if (storyboard)
            {
                _budget = await Budget.StatusAsync(userId, _cts.Token);
            }

            return true;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            return false;
        }
#pragma warning disable CA1031 // Shown on the page; the user can try again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "an estimate");
            _generalErrors = [L["Studio could not check this step just now. Try again in a moment."]];
            return false;
        }
    }

    /// <summary>Puts the job service's messages where they belong: brief fields, storyboard cards, or the top of the step.</summary>
    private void ShowErrors(IDictionary<string, string[]> errors)
    {
        foreach (var (key, messages) in errors)
        {
            var text = string.Join(" ", messages);
            if (BriefFields.Contains(key))
            {
                _errors[key] = text;
            }
            else if (CardIndex(key) is { } index)
            {
                _errors[CardKey(index)] = _errors.TryGetValue(CardKey(index), out var before) ? $"{before} {text}" : text;
            }
            else
            {
                _generalErrors.Add(text);
            }
        }

        // A brief the service refused after the storyboard was written sends the user back to the brief.
        if (_draft.Step > 0 && errors.Keys.Any(BriefFields.Contains))
        {
            _draft = _draft with { Step = 0 };
        }

        static int? CardIndex(string key)
        {
            var open = key.IndexOf('[', StringComparison.Ordinal);
            var close = key.IndexOf(']', StringComparison.Ordinal);
            return open > 0 && close > open && int.TryParse(key.AsSpan(open + 1, close - open - 1), System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : null;
        }
    }

    /// <summary>
    /// One card per segment of the template, prompts and narration from the script writer (offline: free, no key), in
    /// the finish's language.
    /// A card the user edited keeps its words; modes and assets stay at their place when the count is unchanged.
    /// </summary>
    private void DraftStoryboard()
    {
        if (_draft.TemplateId is not { } id || _templateDetails.GetValueOrDefault(id) is not { } template)
        {
            return;
        }

        var language = _draft.Finish?.Language ?? template.Language;
        var key = $"{id}|{_draft.Theme.Trim()}|{language}";
        var cards = _draft.Cards;
        if (string.Equals(_draft.DraftedFor, key, StringComparison.Ordinal) && cards.Count == template.SegmentCount)
        {
            return;
        }

        var scenes = OfflineScriptWriter.Write(template, _draft.Theme.Trim(), language).Scenes;
        var sameShape = cards.Count == template.SegmentCount;
        var drafted = scenes.Select((scene, i) =>
        {
            var before = sameShape ? cards[i] : null;
            return before is { Edited: true }
                ? before
                : new WizardDraftSegment(scene.Prompt, scene.Narration, before?.Mode, before?.AssetId);
        }).ToList();
        _draft = _draft with { Segments = drafted, DraftedFor = key };
    }

    private async Task GenerateAsync()
    {
        if (!Interactive || Busy || BudgetProblem is not null)
        {
            return;
        }

        _generating = true;
        _refusal = null;
        _generalErrors = [];
        try
        {
            var userId = _userId ?? await AuthenticationState.RequireUserIdAsync();
            var result = await Jobs.CreateAsync(userId, WizardPlan.Command(_draft, Provider, storyboard: true), _cts.Token);
            if (result.Job is not { } job)
            {
                _errors = new Dictionary<string, string>(StringComparer.Ordinal);
                ShowErrors(result.Errors?.ToDictionary() ?? new Dictionary<string, string[]>());
                return;
            }

            var started = await Jobs.StartWithReasonAsync(userId, job.Id, _cts.Token);
            if (started.Outcome != JobCommandOutcome.Done)
            {
                // Nothing half-made is left behind: the draft stays here, to change and try again.
                await Jobs.DeleteAsync(userId, job.Id, _cts.Token);
                _refusal = started.Reason ?? L["The video could not be started."].Value;
                return;
            }

            _saveCts?.Cancel();
            _saveState = SaveState.None;
            await Drafts.DiscardAsync(userId, _cts.Token);
            Navigation.NavigateTo($"/jobs/{job.Id}");
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Any failure is shown on the page; the user can try again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.CreateFailed(Logger, ex);
            _refusal = L["Studio could not create the video just now. Try again in a moment."];
        }
        finally
        {
            _generating = false;
        }
    }

    private async Task StartOverAsync()
    {
        if (!Interactive || _userId is null)
        {
            return;
        }

        _saveCts?.Cancel();
        _saveState = SaveState.None;
        _errors = new Dictionary<string, string>(StringComparer.Ordinal);
        _generalErrors = [];
        _refusal = null;
        _estimate = null;
        _draft = NewDraft();
        try
        {
            await Drafts.DiscardAsync(_userId, _cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The page is reset either way; a left-over draft is overwritten by the next save.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WizardLog.SaveFailed(Logger, ex);
        }
    }

    /// <summary>Saves the draft a moment after the last change (a burst of typing is one save).</summary>
    private void ScheduleSave()
    {
        if (!Interactive || _userId is null)
        {
            return;
        }

        _saveCts?.Cancel();
        var cts = CancellationTokenSource.CreateLinkedTokenSource(_cts.Token);
        _saveCts = cts;
        _saveState = SaveState.Pending;
        _ = SaveLaterAsync(cts);
    }

    private async Task SaveLaterAsync(CancellationTokenSource cts)
    {
        try
        {
            await Task.Delay(SaveDelay, Time, cts.Token);
            await SaveAsync(cts.Token);
            await InvokeAsync(StateHasChanged);
        }
        catch (OperationCanceledException)
        {
            // A newer change will save, or the page closed (Dispose saved what was pending).
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task SaveNowAsync()
    {
        _saveCts?.Cancel();
        await SaveAsync(_cts.Token);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        if (_userId is null)
        {
            return;
        }

        var draft = _draft;
        try
        {
            await Drafts.SaveAsync(_userId, draft, ct);
            if (ReferenceEquals(draft, _draft))
            {
                _saveState = SaveState.Saved;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A draft not saved is said on the page; the next change tries again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WizardLog.SaveFailed(Logger, ex);
            _saveState = SaveState.Failed;
        }
    }

    private async Task SaveQuietlyAsync(string userId, WizardDraftContent draft)
    {
        try
        {
            await Drafts.SaveAsync(userId, draft, CancellationToken.None);
        }
#pragma warning disable CA1031 // The page is gone; nothing is left to tell.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            WizardLog.SaveFailed(Logger, ex);
        }
    }

    private string? ErrorFor(string key) => _errors.GetValueOrDefault(key);

    private IReadOnlyDictionary<int, string> CardErrors =>
        Enumerable.Range(0, _draft.Cards.Count).Where(i => _errors.ContainsKey(CardKey(i))).ToDictionary(i => i, i => _errors[CardKey(i)]);
}
