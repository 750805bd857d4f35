using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Studio.App.Components.Shared;
using Studio.Core.Notifications;

namespace Studio.App.Components.Notifications;

/// <summary>
/// The Settings page's notification part: e-mail on/off, the webhook URL (checked at the field as it is typed), its
/// signing secret (shown once when generated, masked after), a test message, and the last deliveries with their outcome.
/// </summary>
public sealed partial class NotificationSettingsPanel : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private NotificationSettingsView? _view;
    private IReadOnlyList<DeliverySummary> _deliveries = [];
    private string? _loadError;
    private string? _url;
    private string? _urlError;
    private string? _newSecret;
    private bool _busy;

    /// <summary>The signed-in user whose settings these are. Required.</summary>
    [Parameter, EditorRequired]
    public string UserId { get; set; } = string.Empty;

    [Inject]
    private NotificationSettings Settings { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<NotificationSettingsPanel> Logger { get; set; } = default!;

    private bool UrlChanged => (string.IsNullOrWhiteSpace(_url) ? null : _url.Trim()) != _view?.WebhookUrl;

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
            var view = await Settings.GetAsync(UserId, _cts.Token);
            _deliveries = await Settings.RecentDeliveriesAsync(UserId, _cts.Token);
            if (_view is null || !UrlChanged)
            {
                _url = view.WebhookUrl;
            }

            _view = view;
            _loadError = null;
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Shown in the card with a retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "notification settings");
            _loadError = ex.Message;
        }
    }

    private void OnUrlChanged(string? value)
    {
        _url = value;
        _urlError = string.IsNullOrWhiteSpace(value) ? null : Describe(WebhookUrls.Check(value.Trim()));
    }

    private string? Describe(WebhookUrlProblem problem) => problem switch
    {
        WebhookUrlProblem.None => null,
        WebhookUrlProblem.WrongScheme => L["Use an address starting with https:// (or http://)."].Value,
        WebhookUrlProblem.TooLong => L["This address is too long: at most {0} characters.", NotificationPreferences.MaxUrlLength].Value,
        WebhookUrlProblem.HasCredentials => L["Leave the user name and password out of the address: the signature proves the message is from Studio."].Value,
        _ => L["Enter a full address, like https://example.com/hooks/studio."].Value,
    };

    private async Task SaveUrlAsync()
    {
        await RunAsync(async ct =>
        {
            var problem = await Settings.SetWebhookUrlAsync(UserId, _url, ct);
            _urlError = Describe(problem);
            if (problem == WebhookUrlProblem.None)
            {
                Snackbar.Add(string.IsNullOrWhiteSpace(_url) ? L["Webhook removed."] : L["Webhook saved."], Severity.Success);
                _view = null;
                await LoadAsync();
            }
        });
    }

    private Task SetEmailAsync(bool enabled) => RunAsync(async ct =>
    {
        await Settings.SetEmailAsync(UserId, enabled, ct);
        Snackbar.Add(enabled ? L["E-mails turned on."] : L["E-mails turned off."], Severity.Success);
        await LoadAsync();
    });

    private Task SetEmailLanguageAsync(string language) => RunAsync(async ct =>
    {
        await Settings.SetEmailLanguageAsync(UserId, language, ct);
        Snackbar.Add(language == EmailLanguages.French ? L["E-mails will be written in French."] : L["E-mails will be written in English."], Severity.Success);
        await LoadAsync();
    });

    private Task GenerateSecretAsync() => RunAsync(async ct =>
    {
        _newSecret = await Settings.GenerateSecretAsync(UserId, ct);
        await LoadAsync();
    });

    private Task SendTestAsync() => RunAsync(async ct =>
    {
        if (await Settings.SendTestAsync(UserId, ct))
        {
            Snackbar.Add(L["Test message queued: its result appears under Last deliveries in a moment."], Severity.Info);
        }

        await LoadAsync();
    });

    private async Task CopyAsync(string? text)
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", _cts.Token, text);
            Snackbar.Add(L["Copied."], Severity.Success);
        }
        catch (JSException)
        {
            Snackbar.Add(L["The browser did not allow copying: select the text and copy it."], Severity.Warning);
        }
    }

    private async Task RunAsync(Func<CancellationToken, Task> action)
    {
        _busy = true;
        try
        {
            await action(_cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // The user sees that it failed and can try again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UiLog.LoadFailed(Logger, ex, "notification settings change");
            Snackbar.Add(L["That could not be saved. Try again in a moment."], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
