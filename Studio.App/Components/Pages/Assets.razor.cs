using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Studio.App.Components.Shared;
using Studio.Core.Assets;

namespace Studio.App.Components.Pages;

/// <summary>
/// The signed-in user's asset library: a drop zone for several files at once, then a grid of the assets, newest first,
/// each with its preview, kind, type, size, name and date, and a delete that asks first (and says why when a job still
/// uses the asset).
/// </summary>
public sealed partial class Assets : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private List<Asset>? _assets;
    private bool _loading = true;
    private string? _loadError;
    private string? _problem;
    private Guid? _deleting;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private AssetLibrary Library { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ILogger<Assets> Logger { get; set; } = default!;

    private string CountText => _assets!.Count == 1 ? L["1 asset"] : L["{0} assets", _assets.Count];

    /// <inheritdoc />
    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _loading = true;
        _loadError = null;
        try
        {
            var userId = await AuthenticationState.RequireUserIdAsync();
            _assets = [.. await Library.ListAsync(userId, _cts.Token)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            UiLog.LoadFailed(Logger, ex, "assets");
            _loadError = ex.Message;
        }
        finally
        {
            _loading = false;
        }
    }

    private void OnUploaded(Asset asset)
    {
        if (_assets is not null && !_assets.Exists(a => a.Id == asset.Id))
        {
            _assets.Insert(0, asset);
        }
    }

    private async Task DeleteAsync(Asset asset)
    {
        _problem = null;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Delete this asset?"],
            L["{0} will be removed from your library for good.", asset.OriginalFileName],
            yesText: L["Delete"],
            cancelText: L["Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        _deleting = asset.Id;
        try
        {
            var userId = await AuthenticationState.RequireUserIdAsync();
            var result = await Library.DeleteAsync(userId, asset.Id, _cts.Token);
            switch (result.Outcome)
            {
                case AssetDeleteOutcome.InUse:
                    _problem = L["{0} was not deleted: {1}", asset.OriginalFileName, result.Detail ?? string.Empty];
                    break;
                default:
                    // Deleted, or already gone (another tab): either way it is no longer in the library.
                    _assets?.RemoveAll(a => a.Id == asset.Id);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Studio.App.Components.Shared.Assets.AssetUploadLog.DeleteFailed(Logger, ex, asset.Id);
            _problem = L["{0} could not be deleted: {1}", asset.OriginalFileName, ex.Message];
        }
        finally
        {
            _deleting = null;
        }
    }
}
