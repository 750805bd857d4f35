using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Studio.App.Components.Shared;
using Studio.Core.Accounts;
using Studio.Core.Common;

namespace Studio.App.Components.Notifications;

/// <summary>
/// The Settings page's API tokens: create one with a name (the token is shown once, with a copy button), list them with
/// when they were last used, revoke one (a second click confirms). Uses Core's <see cref="ApiTokenService"/>, as the API does.
/// </summary>
public sealed partial class ApiTokensPanel : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<ApiTokenSummary>? _tokens;
    private CreatedApiToken? _created;
    private string? _loadError;
    private string? _name;
    private string? _nameError;
    private bool _limitReached;
    private bool _busy;
    private Guid? _confirming;

    /// <summary>The signed-in user whose tokens these are. Required.</summary>
    [Parameter, EditorRequired]
    public string UserId { get; set; } = string.Empty;

    [Inject]
    private ApiTokenService Tokens { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<ApiTokensPanel> Logger { get; set; } = default!;

    /// <inheritdoc />
    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        try
        {
            _tokens = await Tokens.ListAsync(UserId, _cts.Token);
            _loadError = null;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Shown in the card with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "API tokens");
            _loadError = ex.Message;
        }
    }

    private void OnNameChanged(string? value)
    {
        _name = value;
        _nameError = (value?.Trim().Length ?? 0) > ApiTokenService.MaxNameLength
            ? L["A token name has at most {0} characters.", ApiTokenService.MaxNameLength].Value
            : null;
    }

    private async Task CreateAsync()
    {
        if (string.IsNullOrWhiteSpace(_name))
        {
            _nameError = L["Give the token a name, so you can tell it apart later."];
            return;
        }

        _busy = true;
        try
        {
            var result = await Tokens.CreateAsync(UserId, _name, _cts.Token);
            _limitReached = result.LimitReached;
            if (result.Token is { } token)
            {
                _created = token;
                _name = null;
                _nameError = null;
                await LoadAsync();
            }
            else if (result.Errors is { IsEmpty: false } errors)
            {
                _nameError = Describe(errors);
            }
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The user sees that it failed and can try again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.CreateFailed(Logger, ex);
            Snackbar.Add(L["The token could not be created. Try again in a moment."], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    // Core words its refusals in English; the two it can give are known, so the page says them in the user's language.
    private string Describe(ValidationErrors errors) =>
        errors.Messages.Any(m => m.StartsWith("Give", StringComparison.Ordinal))
            ? L["Give the token a name, so you can tell it apart later."]
            : L["A token name has at most {0} characters.", ApiTokenService.MaxNameLength];

    private async Task RevokeAsync(Guid id)
    {
        if (_confirming != id)
        {
            _confirming = id;
            return;
        }

        _busy = true;
        try
        {
            var revoked = await Tokens.RevokeAsync(UserId, id, _cts.Token);
            _confirming = null;
            if (_created?.Id == id)
            {
                _created = null;
            }

            Snackbar.Add(revoked ? L["Token revoked: it no longer works."] : L["That token was already revoked."], revoked ? Severity.Success : Severity.Info);
            await LoadAsync();
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The user sees that it failed and can try again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "API token revoke");
            Snackbar.Add(L["The token could not be revoked. Try again in a moment."], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", _cts.Token, _created?.Token);
            Snackbar.Add(L["Copied."], Severity.Success);
        }
        catch (JSException)
        {
            Snackbar.Add(L["The browser did not allow copying: select the text and copy it."], Severity.Warning);
        }
    }
}
