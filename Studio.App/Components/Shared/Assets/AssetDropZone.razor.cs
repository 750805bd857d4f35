using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using Studio.Core.Assets;

namespace Studio.App.Components.Shared.Assets;

/// <summary>
/// A drop area for images, clips and sound: files dragged from the desktop or picked with a click are streamed, one at
/// a time and never buffered whole, into <see cref="AssetLibrary"/> for the signed-in user. Each file shows its
/// progress, then either stored or refused with the reason (a refused file leaves nothing behind).
/// </summary>
public sealed partial class AssetDropZone : IAsyncDisposable
{
    /// <summary>Most files taken from one drop; more are refused as a whole with a notice.</summary>
    public const int MaxFilesAtOnce = 20;

    // Finished lines kept on screen; older ones drop off.
    private const int MaxLinesShown = 30;

    private static readonly Dictionary<AssetKind, SniffedType[]> TypesByKind = new()
    {
        [AssetKind.Image] = [SniffedType.Png, SniffedType.Jpeg, SniffedType.WebP],
        [AssetKind.Video] = [SniffedType.Mp4, SniffedType.Mov, SniffedType.WebM],
        [AssetKind.Audio] = [SniffedType.Mp3, SniffedType.Wav, SniffedType.M4a],
    };

    private readonly CancellationTokenSource _cts = new();
    private readonly List<UploadItem> _items = [];
    private ElementReference _zone;
    private InputFile? _input;
    private IJSObjectReference? _module;
    private IJSObjectReference? _dropHandle;
    private CoalescingRefresher? _refresher;
    private bool _busy;
    private string? _notice;

    /// <summary>Whether several files may be dropped at once (the library) or one (a storyboard card). Default false.</summary>
    [Parameter]
    public bool Multiple { get; set; }

    /// <summary>The kinds accepted here; null (the default) accepts images, videos and sound.</summary>
    [Parameter]
    public IReadOnlyCollection<AssetKind>? Accept { get; set; }

    /// <summary>Raised once for every file stored, with its asset.</summary>
    [Parameter]
    public EventCallback<Asset> OnUploaded { get; set; }

    /// <summary>The words in the zone; null (the default) says "Add images, clips or sound" or one file's equivalent.</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>A small one-line zone, e.g. inside a storyboard card. Default false.</summary>
    [Parameter]
    public bool Compact { get; set; }

    /// <summary>Refuses drops and clicks while true. Default false.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private AssetLibrary Library { get; set; } = default!;

    [Inject]
    private IOptions<UploadOptions> Limits { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<AssetDropZone> Logger { get; set; } = default!;

    private bool IsDisabled => Disabled || _busy || !RendererInfo.IsInteractive;

    private IEnumerable<AssetKind> AcceptedKinds => Accept is { Count: > 0 } accept ? accept : TypesByKind.Keys;

    private string AcceptAttribute => string.Join(
        ',',
        AcceptedKinds.SelectMany(kind => TypesByKind[kind]).SelectMany(type => new[] { type.ContentType, type.Extension }).Distinct(StringComparer.Ordinal));

    private string LabelText => Label ?? (Multiple ? L["Add images, clips or sound"] : L["Add a file"]);

    private string AcceptText => string.Join(" · ", AcceptedKinds.Select(KindHint));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_refresher is not null)
        {
            await _refresher.DisposeAsync();
        }

        try
        {
            if (_dropHandle is not null)
            {
                await _dropHandle.InvokeVoidAsync("dispose");
                await _dropHandle.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page's listeners with it.
        }

        _cts.Dispose();
    }

    protected override void OnInitialized()
    {
        _refresher = new CoalescingRefresher(_ => InvokeAsync(StateHasChanged), ex => UiLog.LiveRefreshFailed(Logger, ex, "upload progress"), Time);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive || _input?.Element is not { } input)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", _cts.Token, Assets["./Components/Shared/Assets/AssetDropZone.razor.js"]);
            _dropHandle = _module is null ? null : await _module.InvokeAsync<IJSObjectReference?>("attach", _cts.Token, _zone, input);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or OperationCanceledException)
        {
            // Without the script a click still browses and a drop onto the input still works; only the zone's edges do not.
            UiLog.LoadFailed(Logger, ex, "the drop zone script");
        }
    }

    private string KindHint(AssetKind kind)
    {
        var names = string.Join(", ", TypesByKind[kind].Select(t => t.Name));
        var limit = ByteSizes.Format(Limits.Value.MaxBytesFor(kind));
        return kind switch
        {
            AssetKind.Image => L["Images ({0}) up to {1}", names, limit],
            AssetKind.Video => L["Clips ({0}) up to {1}", names, limit],
            _ => L["Sound ({0}) up to {1}", names, limit],
        };
    }

    private static string IconFor(UploadItem item) => item.State switch
    {
        UploadItemState.Stored => Icons.Material.Filled.CheckCircle,
        UploadItemState.Refused => Icons.Material.Filled.Block,
        _ => Icons.Material.Filled.Upload,
    };

    private static Color ColorFor(UploadItem item) => item.State switch
    {
        UploadItemState.Stored => Color.Success,
        UploadItemState.Refused => Color.Error,
        _ => Color.Default,
    };

    private string StatusText(UploadItem item) => item.State switch
    {
        UploadItemState.Waiting => L["Waiting"],
        UploadItemState.Uploading when item.BytesRead >= item.Size => L["Checking…"],
        UploadItemState.Uploading => L["{0} of {1} · {2}%", ByteSizes.Format(item.BytesRead), ByteSizes.Format(item.Size), Math.Floor(item.Percent).ToString("0", CultureInfo.CurrentCulture)],
        UploadItemState.Checking => L["Checking…"],
        UploadItemState.Stored => L["Added · {0}", ByteSizes.Format(item.Size)],
        _ => L["Refused"],
    };

    private async Task OnFilesChosenAsync(InputFileChangeEventArgs e)
    {
        _notice = null;
        if (Disabled || _busy)
        {
            return;
        }

        if (e.FileCount == 0)
        {
            return;
        }

        if (Multiple && e.FileCount > MaxFilesAtOnce)
        {
            _notice = L["{0} files at once is too many: drop at most {1}.", e.FileCount, MaxFilesAtOnce];
            return;
        }

        var files = Multiple ? e.GetMultipleFiles(MaxFilesAtOnce) : [.. e.GetMultipleFiles(e.FileCount).Take(1)];
        var batch = files.Select(file => (File: file, Item: new UploadItem(file.Name, file.Size))).ToList();
        _items.InsertRange(0, batch.Select(b => b.Item));
        if (_items.Count > MaxLinesShown)
        {
            _items.RemoveRange(MaxLinesShown, _items.Count - MaxLinesShown);
        }

        // A new change event on the input replaces the files the browser holds for it: take no other drop meanwhile.
        _busy = true;
        try
        {
            var ownerId = await AuthenticationState.RequireUserIdAsync();
            foreach (var (file, item) in batch)
            {
                if (_cts.IsCancellationRequested)
                {
                    return;
                }

                await UploadAsync(ownerId, file, item, _cts.Token);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task UploadAsync(string ownerId, IBrowserFile file, UploadItem item, CancellationToken ct)
    {
        item.State = UploadItemState.Uploading;
        StateHasChanged();
        var limits = Limits.Value;
        if (file.Size > limits.LargestMaxBytes)
        {
            // Not even opened: the browser's own size says no kind of file may be this big.
            Refuse(item, L["The file is {0}, over the {1} limit for any upload.", ByteSizes.Format(file.Size), ByteSizes.Format(limits.LargestMaxBytes)]);
            return;
        }

        try
        {
            await using var content = new UploadProgressStream(file.OpenReadStream(limits.LargestMaxBytes, ct), read =>
            {
                item.BytesRead = read;
                _refresher?.MarkDirty();
            });
            var received = await Library.ReceiveAsync(file.Name, content, ct);
            if (received.Upload is not { } upload)
            {
                Refuse(item, received.Refusal!.Detail);
                return;
            }

            using (upload)
            {
                if (!AcceptedKinds.Contains(upload.Type.Kind))
                {
                    Refuse(item, L["This is a {0}; only {1} are accepted here.", upload.Type.Name, string.Join(", ", AcceptedKinds.SelectMany(k => TypesByKind[k]).Select(t => t.Name))]);
                    return;
                }

                item.State = UploadItemState.Checking;
                var asset = await Library.StoreAsync(ownerId, upload, ct);
                item.State = UploadItemState.Stored;
                StateHasChanged();
                if (OnUploaded.HasDelegate)
                {
                    await OnUploaded.InvokeAsync(asset);
                }
            }
        }
        catch (IOException ex) when (!ct.IsCancellationRequested)
        {
            // The browser stopped sending (tab closed, file moved, connection lost): nothing was stored.
            AssetUploadLog.ReadFailed(Logger, ex, item.FileName);
            Refuse(item, L["The file could not be read from your browser. Try again."]);
        }
    }

    private void Refuse(UploadItem item, string why)
    {
        item.State = UploadItemState.Refused;
        item.Problem = why;
        StateHasChanged();
    }
}
