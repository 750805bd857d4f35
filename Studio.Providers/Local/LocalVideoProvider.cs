using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Assets;
using Studio.Core.Media;
using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.Providers.Local;

/// <summary>
/// The <c>local</c> provider: renders clips with FFmpeg on this machine, needing no key and no network, at no cost.
/// A submit starts the render in the background and returns its id at once; renders live in
/// <see cref="LocalRenderRegistry"/> and their files in this process's scratch folder, under <c>local/{id}/</c>, until downloaded, cancelled or
/// expired (<see cref="LocalProviderOptions.Retention"/>).
/// </summary>
public sealed class LocalVideoProvider : IVideoProvider
{
    /// <summary>The provider's name in configuration, jobs and the API.</summary>
    public const string ProviderName = "local";

    /// <summary>What users are told about a job id this process does not know.</summary>
    public const string InterruptedMessage = "The local render was interrupted (Studio restarted); it will be made again.";

    private static StoredText Interrupted => StoredText.Of("The local render was interrupted (Studio restarted); it will be made again.");

    private static readonly TimeSpan CancelWait = TimeSpan.FromSeconds(10);

    private readonly LocalRenderRegistry _registry;
    private readonly LocalClipRenderer _renderer;
    private readonly IFileStore _files;
    private readonly TimeProvider _time;
    private readonly LocalProviderOptions _options;
    private readonly ILogger<LocalVideoProvider> _logger;
    private readonly string _root;

    /// <summary>Creates the provider.</summary>
    /// <param name="registry">Where renders are tracked.</param>
    /// <param name="renderer">Makes the clips.</param>
    /// <param name="files">Where input images and clips are stored.</param>
    /// <param name="paths">The data folder; renders go to its scratch folder, under <c>local/</c>.</param>
    /// <param name="time">Clock for expiry.</param>
    /// <param name="options">Provider settings.</param>
    /// <param name="logger">Logger.</param>
    public LocalVideoProvider(
        LocalRenderRegistry registry,
        LocalClipRenderer renderer,
        IFileStore files,
        StudioPaths paths,
        TimeProvider time,
        IOptions<LocalProviderOptions> options,
        ILogger<LocalVideoProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _renderer = renderer;
        _files = files;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _root = Path.Combine(paths.ScratchDirectory, "local");
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string DisplayName => "Local (offline)";

    /// <summary>All three modes, all four aspect ratios, prompts up to 1000 characters, clips up to 60 s.</summary>
    public ProviderCapabilities Capabilities { get; } = new(
        new HashSet<GenerationMode>(Enum.GetValues<GenerationMode>()),
        new HashSet<AspectRatio>(Enum.GetValues<AspectRatio>()),
        MaxPromptLength: 1000,
        MaxDuration: TimeSpan.FromSeconds(60));

    /// <summary>Local renders cost nothing.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Prices { get; } = new Dictionary<string, ModelPrice> { [ProviderName] = ModelPrice.PerClip(0m) };

    /// <summary>The exact segment length, rendered here.</summary>
    public ClipQuote Quote(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ClipQuote(ProviderName, string.Empty, request.Duration);
    }

    /// <inheritdoc />
    /// <exception cref="ProviderException">The request is outside the provider's capabilities (permanent).</exception>
    public Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        ct.ThrowIfCancellationRequested();
        CollectExpired();

        var id = Guid.NewGuid().ToString("N");
        var render = new LocalRender(id, Path.Combine(_root, id));
        Directory.CreateDirectory(render.Directory);
        _registry.Add(render);
        LocalProviderLog.Queued(_logger, id, request.SegmentId, request.Mode, request.AspectRatio, request.Duration.TotalSeconds);

        // Not tied to ct: the caller's token covers the submit call, while the render outlives it.
        render.Completion = Task.Run(() => RenderAsync(render, request), CancellationToken.None);
        return Task.FromResult(id);
    }

    /// <inheritdoc />
    public Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct) =>
        Task.FromResult(_registry.Find(providerJobId)?.Status ?? ProviderJobStatus.Failed(Interrupted, permanent: false));

    /// <inheritdoc />
    /// <remarks>The clip is deleted once it has been copied; the job id is then unknown.</remarks>
    /// <exception cref="ProviderException">The render is unknown, not finished, or failed.</exception>
    public async Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var render = _registry.Find(providerJobId) ?? throw new ProviderException(Interrupted, isPermanent: false);
        var status = render.Status;
        switch (status.State)
        {
            case ProviderJobState.Succeeded:
                break;
            case ProviderJobState.Failed:
                throw status.ErrorText is { } ours ? new ProviderException(ours, status.IsPermanent)
                    : status.Error is { } words ? new ProviderException(words, status.IsPermanent)
                    : new ProviderException(StoredText.Of("The local render failed."), status.IsPermanent);
            default:
                throw new ProviderException(StoredText.Of("The local render has not finished yet."), isPermanent: false);
        }

        var source = new FileStream(render.OutputFile, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(destination, ct).ConfigureAwait(false);
        }

        _registry.Remove(providerJobId);
        DeleteFolder(render.Directory);
        render.Dispose();
    }

    /// <inheritdoc />
    /// <remarks>Stops the render, deletes its files and forgets the id; unknown ids are ignored.</remarks>
    public async Task CancelAsync(string providerJobId, CancellationToken ct)
    {
        var render = _registry.Remove(providerJobId);
        if (render is null)
        {
            return;
        }

        render.Cancel();
        try
        {
            await render.Completion.WaitAsync(CancelWait, _time, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // FFmpeg is killed on cancellation; if it lingers, the folder is collected later as an orphan.
        }

        DeleteFolder(render.Directory);
        if (render.Completion.IsCompleted)
        {
            render.Dispose();
        }

        LocalProviderLog.Cancelled(_logger, providerJobId);
    }

    private async Task RenderAsync(LocalRender render, GenerationRequest request)
    {
        var ct = render.Token;
        var started = _time.GetTimestamp();
        var holdsSlot = false;
        try
        {
            await _registry.WaitForSlotAsync(ct).ConfigureAwait(false);
            holdsSlot = true;
            render.Report(0);
            var input = request.Input is null ? null : await LocalInputAsync(request.Input, render.Directory, ct).ConfigureAwait(false);
            await _renderer.RenderAsync(request, input, render.OutputFile, render, ct).ConfigureAwait(false);
            render.Succeed(_time.GetUtcNow());
            LocalProviderLog.Succeeded(_logger, render.Id, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            render.Fail(StoredText.Of("The local render was cancelled."), permanent: false, _time.GetUtcNow());
        }
        catch (ProviderException ex)
        {
            Fail(render, ex, ex.Stored, ex.IsPermanent);
        }
        catch (MediaProcessingException ex)
        {
            // The input already passed ffprobe (bad inputs fail permanently before this), so FFmpeg failing here is
            // taken as passing trouble — a timeout, a full disk — worth another try.
            Fail(render, ex, ex.Stored, permanent: false);
        }
#pragma warning disable CA1031 // A background render must record every failure as a status, or the job would poll forever.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(render, ex, StoredText.Of("The local render failed unexpectedly; the server log has the details."), permanent: false);
        }
        finally
        {
            // Only once the render's end state is recorded: the next render must never overtake it.
            if (holdsSlot)
            {
                _registry.ReleaseSlot();
            }
        }
    }

    private void Fail(LocalRender render, Exception ex, StoredText message, bool permanent)
    {
        render.Fail(message, permanent, _time.GetUtcNow());
        LocalProviderLog.Failed(_logger, ex, render.Id, permanent);
    }

    private async Task<string> LocalInputAsync(GenerationInput input, string folder, CancellationToken ct)
    {
        try
        {
            var local = _files.TryGetLocalPath(input.StoredFile);
            if (local is not null && File.Exists(local))
            {
                return local;
            }

            var copy = Path.Combine(folder, "input");
            var source = await _files.OpenReadAsync(input.StoredFile, ct).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                var target = new FileStream(copy, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true);
                await using (target.ConfigureAwait(false))
                {
                    await source.CopyToAsync(target, ct).ConfigureAwait(false);
                }
            }

            return copy;
        }
        catch (Exception ex) when (ex is FileNotFoundException or ArgumentException)
        {
            throw new ProviderException(StoredText.Of("The input file '{0}' is not in the file store.", input.StoredFile), isPermanent: true, ex);
        }
    }

    private void Validate(GenerationRequest request)
    {
        var caps = Capabilities;
        if (!caps.Modes.Contains(request.Mode))
        {
            throw new ProviderException(StoredText.Of("The local provider cannot make {0} clips.", request.Mode.ToStoredText()), isPermanent: true);
        }

        if (!caps.AspectRatios.Contains(request.AspectRatio))
        {
            throw new ProviderException(StoredText.Of("The local provider cannot render {0}.", request.AspectRatio), isPermanent: true);
        }

        if (request.Prompt.Length > caps.MaxPromptLength)
        {
            throw new ProviderException(StoredText.Of("The prompt is longer than {0} characters.", caps.MaxPromptLength), isPermanent: true);
        }

        if (request.Duration <= TimeSpan.Zero || request.Duration > caps.MaxDuration)
        {
            throw new ProviderException(StoredText.Of("A local clip lasts more than 0 and at most {0} seconds.", caps.MaxDuration.TotalSeconds), isPermanent: true);
        }

        var needed = request.Mode switch
        {
            GenerationMode.ImageToVideo => AssetKind.Image,
            GenerationMode.VideoToVideo => AssetKind.Video,
            _ => (AssetKind?)null,
        };
        if (needed is not null && (request.Input is null || request.Input.Kind != needed))
        {
            throw new ProviderException(needed == AssetKind.Image ? StoredText.Of("{0} needs an input image.", request.Mode.ToStoredText()) : StoredText.Of("{0} needs an input video.", request.Mode.ToStoredText()), isPermanent: true);
        }
    }

    /// <summary>Deletes renders nobody downloaded within the retention time, and folders a previous process left behind.</summary>
    private void CollectExpired()
    {
        var cutoff = _time.GetUtcNow() - _options.Retention;
        foreach (var render in _registry.RemoveEndedBefore(cutoff))
        {
            DeleteFolder(render.Directory);
            render.Dispose();
            LocalProviderLog.Expired(_logger, render.Id);
        }

        if (!Directory.Exists(_root))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            if (!_registry.Contains(Path.GetFileName(folder)) && Directory.GetLastWriteTimeUtc(folder) < cutoff.UtcDateTime)
            {
                DeleteFolder(folder);
            }
        }
    }

    private void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LocalProviderLog.CleanupFailed(_logger, ex, folder);
        }
    }
}
