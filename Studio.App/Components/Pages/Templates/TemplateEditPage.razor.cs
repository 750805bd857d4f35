using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.App.Components.Shared;
using Studio.App.Components.Templates;
using Studio.Core.Accounts;
using Studio.Core.Assembly;
using Studio.Core.Providers;
using Studio.Core.Scripts;
using Studio.Core.Segments;
using Studio.Core.Templates;

namespace Studio.App.Components.Pages.Templates;

/// <summary>
/// Makes or changes a template, with its timeline drawn live as the fields change. <see cref="TemplateEditor"/> checks
/// every value on save and its messages are shown at their fields (keyed by the same names as the API's). A template
/// the user may not change opens read-only with Duplicate. Leaving with unsaved changes asks first.
/// </summary>
public sealed partial class TemplateEditPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private TemplateForm? _form;
    private string? _savedShape;
    private Guid? _loadedFor;
    private bool _loadedNew;
    private string? _loadError;
    private bool _notFound;
    private bool _editable;
    private bool _builtIn;
    private bool _saving;
    private bool _confirmDiscard;
    private string? _saveError;
    private Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private string _userId = string.Empty;
    private bool _isAdmin;

    /// <summary>The template edited; null for a new one.</summary>
    [Parameter]
    public Guid? Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private TemplateEditor Editor { get; set; } = default!;

    [Inject]
    private VideoProviderCatalog Providers { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<TemplateEditPage> Logger { get; set; } = default!;

    private bool IsNew => Id is null;

    private bool IsDirty => _form is not null && _editable && _savedShape is not null && Shape(_form) != _savedShape;

    private bool CanSave => RendererInfo.IsInteractive && _editable && !_saving;

    /// <summary>The chosen provider's modes, in the usual order; all of them while the provider is unknown.</summary>
    private IEnumerable<GenerationMode> ModesOffered =>
        Providers.Find(_form?.Provider ?? string.Empty)?.Capabilities.Modes.Order() ?? Enum.GetValues<GenerationMode>().AsEnumerable();

    /// <inheritdoc />
    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _isAdmin = (await AuthenticationState).User.IsInRole(StudioRoles.Admin);
        }

        _userId = await AuthenticationState.RequireUserIdAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        // The same page shows another template after Duplicate: load again when the id changes.
        if ((IsNew && !_loadedNew) || (!IsNew && _loadedFor != Id))
        {
            await LoadAsync();
        }
    }

    private static string Shape(TemplateForm form) => JsonSerializer.Serialize(form.ToInput());

    private async Task LoadAsync()
    {
        _loadError = null;
        _notFound = false;
        _form = null;
        _errors = new(StringComparer.Ordinal);
        _saveError = null;
        _confirmDiscard = false;
        if (Id is not { } id)
        {
            _form = new TemplateForm { Provider = Providers.Find("local") is null ? Providers.All.FirstOrDefault()?.Name ?? "local" : "local" };
            _editable = true;
            _builtIn = false;
            _loadedNew = true;
            _loadedFor = null;
            _savedShape = Shape(_form);
            return;
        }

        try
        {
            var template = await Editor.GetAsync(id, _cts.Token);
            _loadedFor = id;
            _loadedNew = false;
            if (template is null)
            {
                _notFound = true;
                return;
            }

            _form = TemplateForm.From(template);
            _builtIn = template.OwnerId is null;
            _editable = _isAdmin || (template.OwnerId is not null && template.OwnerId == _userId);
            _savedShape = Shape(_form);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Left the page.
        }
#pragma warning disable CA1031 // Any failure to read becomes the page's error state with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "a template");
            _loadError = "load";
        }
    }

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorFor(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private string? PromptError(int index) => ErrorFor($"defaultPrompts[{index}]");

    private void Change(string field, Action apply)
    {
        apply();
        _errors.Remove(field);
        _confirmDiscard = false;
    }

    private void OnProviderChanged(string name)
    {
        var form = _form!;
        form.Provider = name;
        _errors.Remove("defaultProvider");

        // A mode the new provider does not offer is not kept: the first one it offers is taken instead.
        if (Providers.Find(name)?.Capabilities.Modes is { Count: > 0 } modes && !modes.Contains(form.Mode))
        {
            form.Mode = modes.Order().First();
            _errors.Remove("defaultMode");
        }
    }

    private void OnPromptChanged(TemplatePromptEdit edit)
    {
        _form!.SetPrompt(edit.Index, edit.Prompt);
        _errors.Remove($"defaultPrompts[{edit.Index}]");
        _errors.Remove("defaultPrompts");
    }

    private async Task SaveAsync()
    {
        if (!CanSave || _form is null)
        {
            return;
        }

        _saving = true;
        _saveError = null;
        _errors = new(StringComparer.Ordinal);
        try
        {
            var input = _form.ToInput();
            var result = Id is { } id
                ? await Editor.UpdateAsync(_userId, _isAdmin, id, input, _cts.Token)
                : await Editor.CreateAsync(_userId, input, _cts.Token);
            switch (result.Outcome)
            {
                case TemplateOutcome.Done:
                    _savedShape = Shape(_form);
                    Navigation.NavigateTo("/templates");
                    break;
                case TemplateOutcome.Invalid:
                    _errors = new(result.Errors!.ToDictionary(), StringComparer.Ordinal);
                    break;
                case TemplateOutcome.Forbidden:
                    _saveError = L["Only its author or an admin can change this template. Duplicate it to make your own."];
                    break;
                default:
                    _saveError = L["This template was deleted meanwhile; nothing was saved."];
                    break;
            }
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Left the page.
        }
#pragma warning disable CA1031 // Any failure is shown on the form; the user can try again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "a template save");
            _saveError = L["Studio could not save the template just now. Try again in a moment."];
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task DuplicateAsync()
    {
        if (Id is not { } id)
        {
            return;
        }

        _saving = true;
        _saveError = null;
        try
        {
            var result = await Editor.DuplicateAsync(_userId, id, _cts.Token);
            if (result.Template is { } copy)
            {
                Navigation.NavigateTo($"/templates/{copy.Id}");
            }
            else
            {
                _saveError = L["This template was deleted meanwhile; nothing was copied."];
            }
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Left the page.
        }
#pragma warning disable CA1031 // Any failure is shown on the form; the user can try again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "a template copy");
            _saveError = L["Studio could not copy the template just now. Try again in a moment."];
        }
        finally
        {
            _saving = false;
        }
    }

    private void Cancel()
    {
        if (IsDirty)
        {
            _confirmDiscard = true;
            return;
        }

        Leave();
    }

    private void Leave()
    {
        // Discarding was confirmed: the page forgets its changes so the navigation lock lets it go.
        _savedShape = _form is null ? null : Shape(_form);
        Navigation.NavigateTo("/templates");
    }

    private static string RatioText(AspectRatio ratio) => ratio.ToDisplay();

    private string ProviderText(string? name) => name is null ? string.Empty : Providers.Find(name)?.DisplayName ?? name;

    private string ModeText(GenerationMode mode) => mode switch
    {
        GenerationMode.ImageToVideo => L["Image to video"],
        GenerationMode.VideoToVideo => L["Video to video"],
        _ => L["Text to video"],
    };

    private string TransitionText(TransitionStyle transition) => transition switch
    {
        TransitionStyle.Crossfade => L["Crossfade"],
        TransitionStyle.Fade => L["Fade through black"],
        _ => L["Hard cut"],
    };

    private string LanguageText(string? language) => language == NarrationLanguages.French ? L["French"] : L["English"];
}
