using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Studio.App.Components.Shared;
using Studio.Core.Accounts;
using Studio.Core.Providers;
using Studio.Core.Templates;

namespace Studio.App.Components.Pages.Templates;

/// <summary>
/// The templates in use as cards: open one to edit it (or view it when the user may not change it), duplicate it into
/// an own copy that opens at once, or delete it after a confirmation (it is archived: jobs made from it keep working).
/// </summary>
public sealed partial class TemplatesPage : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private string? _loadError;
    private string? _notice;
    private string? _actionError;
    private Guid? _confirming;
    private Guid? _busy;
    private string _userId = string.Empty;
    private bool _isAdmin;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private TemplateCatalog Catalog { get; set; } = default!;

    [Inject]
    private TemplateEditor Editor { get; set; } = default!;

    [Inject]
    private VideoProviderCatalog Providers { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<TemplatesPage> Logger { get; set; } = default!;

    private List<TemplateSummary>? Listed { get; set; }

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
            var state = await AuthenticationState;
            _isAdmin = state.User.IsInRole(StudioRoles.Admin);
        }

        _userId = await AuthenticationState.RequireUserIdAsync();
        await LoadAsync();
    }

    private bool MayChange(TemplateSummary template) => _isAdmin || (template.OwnerId is not null && template.OwnerId == _userId);

    private string ProviderName(string name) => Providers.Find(name)?.DisplayName ?? name;

    private async Task LoadAsync()
    {
        _loadError = null;
        Listed = null;
        try
        {
            Listed = [.. await Catalog.ListAsync(_cts.Token)];
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Left the page.
        }
#pragma warning disable CA1031 // Any failure to read becomes the page's error state with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "the templates");
            _loadError = "load";
        }
    }

    private async Task DuplicateAsync(TemplateSummary template)
    {
        _busy = template.Id;
        _actionError = null;
        try
        {
            var result = await Editor.DuplicateAsync(_userId, template.Id, _cts.Token);
            if (result.Template is { } copy)
            {
                Navigation.NavigateTo($"/templates/{copy.Id}");
                return;
            }

            _actionError = L["“{0}” is no longer in use; the list is read again.", template.Name];
            await LoadAsync();
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Left the page.
        }
#pragma warning disable CA1031 // Any failure is shown above the list; the user can try again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "a template copy");
            _actionError = L["Studio could not copy “{0}” just now. Try again in a moment.", template.Name];
        }
        finally
        {
            _busy = null;
        }
    }

    private async Task DeleteAsync(TemplateSummary template)
    {
        _busy = template.Id;
        _actionError = null;
        _notice = null;
        try
        {
            var result = await Editor.DeleteAsync(_userId, _isAdmin, template.Id, _cts.Token);
            switch (result.Outcome)
            {
                case TemplateOutcome.Done or TemplateOutcome.NotFound:
                    Listed?.RemoveAll(t => t.Id == template.Id);
                    _notice = L["“{0}” was deleted. Videos made from it are not affected.", template.Name];
                    break;
                default:
                    _actionError = L["Only the author of “{0}” or an admin can delete it.", template.Name];
                    break;
            }
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // Left the page.
        }
#pragma warning disable CA1031 // Any failure is shown above the list; the user can try again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "a template deletion");
            _actionError = L["Studio could not delete “{0}” just now. Try again in a moment.", template.Name];
        }
        finally
        {
            _busy = null;
            _confirming = null;
        }
    }
}
