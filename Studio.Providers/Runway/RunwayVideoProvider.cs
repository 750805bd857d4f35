using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Assets;
using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Http;
using Studio.Providers.Media;
using Studio.Providers.Runway.Wire;

namespace Studio.Providers.Runway;

/// <summary>
/// The <c>runway</c> provider (providers.md §2): image-to-video with <see cref="HostedVideoProviderOptions.Model"/>
/// (gen4_turbo), text-to-video with <see cref="RunwayOptions.TextToVideoModel"/> (gen4.5) and video-to-video with
/// <see cref="RunwayOptions.VideoToVideoModel"/> (gen4_aleph), 5 or 10 s clips, polled no faster than every 5 s.
/// Images go inline as data URIs; clips go as signed links (<c>Studio:PublicBaseUrl</c>). Results are fetched from
/// Runway's signed CDN URLs without the key. A task cancelled at Runway is a permanent failure: someone meant it to stop.
/// </summary>
public sealed class RunwayVideoProvider : IVideoProvider
{
    /// <summary>The provider's name in configuration, jobs and the API.</summary>
    public const string ProviderName = "runway";

    /// <summary>The provider's name as users read it.</summary>
    public const string Title = "Runway";

    /// <summary>Longest prompt Runway takes, in UTF-16 code units (C# string length).</summary>
    public const int MaxPromptLength = 1000;

    /// <summary>
    /// Largest image sent as it is. Runway caps a data URI at about 5 MB (unconfirmed in providers.md); base64 adds a
    /// third, so a larger image is first fitted to the output size as a JPEG.
    /// </summary>
    internal const int MaxInlineImageBytes = 3 * 1024 * 1024;

    private readonly ProviderClientFactory<RunwayApiClient> _clients;
    private readonly ProviderClientFactory<RunwayResultClient> _results;
    private readonly ProviderInputs _inputs;
    private readonly RunwayOptions _options;
    private readonly ILogger<RunwayVideoProvider> _logger;

    /// <summary>Creates the provider.</summary>
    /// <param name="clients">A typed API client per call.</param>
    /// <param name="results">A typed result client per call (no key).</param>
    /// <param name="inputs">Input images and clips.</param>
    /// <param name="options">Settings and prices.</param>
    /// <param name="logger">Logger.</param>
    public RunwayVideoProvider(
        ProviderClientFactory<RunwayApiClient> clients,
        ProviderClientFactory<RunwayResultClient> results,
        ProviderInputs inputs,
        IOptions<RunwayOptions> options,
        ILogger<RunwayVideoProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _results = results;
        _inputs = inputs;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string DisplayName => Title;

    /// <summary>
    /// All three modes; every Studio frame shape (4:5 is made at 3:4, "832:1104", and letterboxed by the assembly);
    /// prompts up to 1000 characters; 5 or 10 s clips; polls no faster than every 5 s; failed tasks are refunded.
    /// </summary>
    public ProviderCapabilities Capabilities { get; } = new(
        new HashSet<GenerationMode>(Enum.GetValues<GenerationMode>()),
        new HashSet<AspectRatio>(Enum.GetValues<AspectRatio>()),
        MaxPromptLength,
        MaxDuration: TimeSpan.FromSeconds(10))
    {
        ClipLengths = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)],
        MinPollInterval = TimeSpan.FromSeconds(5),
        RefundsFailures = true,
    };

    /// <inheritdoc />
    public bool IsConfigured => _options.IsConfigured;

    /// <inheritdoc />
    public int? MaxConcurrency => _options.MaxConcurrency;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ModelPrice> Prices => _options.Prices;

    /// <summary>The model of the request's mode, no resolution choice, and 5 or 10 s.</summary>
    public ClipQuote Quote(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ClipQuote(ModelFor(request.Mode), string.Empty, Capabilities.ClipLengthFor(request.Duration));
    }

    /// <inheritdoc />
    public async Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var quote = Quote(request);
        var seconds = (int)quote.Length.TotalSeconds;
        var ratio = RatioFor(request.AspectRatio);
        var prompt = PromptFor(request);
        var client = _clients.Create();
        var id = request.Mode switch
        {
            GenerationMode.ImageToVideo => await client.ImageToVideoAsync(
                new RunwayImageToVideoRequest(quote.Model, await PromptImageAsync(request.Input!, request.AspectRatio, ct).ConfigureAwait(false), prompt, ratio, seconds),
                ct).ConfigureAwait(false),
            GenerationMode.VideoToVideo => await client.VideoToVideoAsync(
                new RunwayVideoToVideoRequest(quote.Model, _inputs.LinkFor(request.Input!, Title).AbsoluteUri, prompt, ratio),
                ct).ConfigureAwait(false),
            _ => await client.TextToVideoAsync(new RunwayTextToVideoRequest(quote.Model, prompt, ratio, seconds), ct).ConfigureAwait(false),
        };
        RunwayLog.Submitted(_logger, id, request.SegmentId, quote.Model, ratio, seconds);
        return id;
    }

    /// <inheritdoc />
    /// <remarks>A task Runway no longer knows (deleted, or its result expired) is a transient failure: the clip is made again.</remarks>
    public async Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct)
    {
        var task = await _clients.Create().GetTaskAsync(providerJobId, ct).ConfigureAwait(false);
        if (task is null)
        {
            return ProviderJobStatus.Failed(StoredText.Of("{0} no longer knows this task (deleted or expired); it will be made again.", Title), permanent: false);
        }

        var status = ToStatus(task);
        if (status.State == ProviderJobState.Failed && task.Status == RunwayTaskStatuses.Failed)
        {
            RunwayLog.Failed(_logger, providerJobId, task.FailureCode);
        }

        return status;
    }

    /// <inheritdoc />
    public async Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var task = await _clients.Create().GetTaskAsync(providerJobId, ct).ConfigureAwait(false)
            ?? throw new ProviderException(StoredText.Of("{0} no longer has this clip (deleted or expired); it will be made again.", Title), isPermanent: false);
        if (task.Status != RunwayTaskStatuses.Succeeded || task.Output is not [var first, ..] || !Uri.TryCreate(first, UriKind.Absolute, out var url))
        {
            throw new ProviderException(StoredText.Of("{0} has no result for this task yet (status {1}).", Title, task.Status), isPermanent: false);
        }

        await _results.Create().DownloadAsync(url, destination, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>A task Runway does not know (already deleted) is taken as already gone.</remarks>
    public async Task CancelAsync(string providerJobId, CancellationToken ct)
    {
        var known = await _clients.Create().DeleteTaskAsync(providerJobId, ct).ConfigureAwait(false);
        RunwayLog.Cancelled(_logger, providerJobId, known);
    }

    /// <summary>What a Runway task means to Studio.</summary>
    internal static ProviderJobStatus ToStatus(RunwayTask task) => task.Status switch
    {
        RunwayTaskStatuses.Pending => ProviderJobStatus.Queued,
        RunwayTaskStatuses.Throttled => ProviderJobStatus.Queued with { Detail = "Queued at provider" },
        RunwayTaskStatuses.Running => ProviderJobStatus.Running(task.Progress ?? 0),
        RunwayTaskStatuses.Succeeded => ProviderJobStatus.Succeeded,
        RunwayTaskStatuses.Cancelled => ProviderJobStatus.Failed(StoredText.Of("The {0} task was cancelled.", Title), permanent: true),
        RunwayTaskStatuses.Failed => ProviderJobStatus.Failed(FailureMessage(task), IsPermanentFailure(task.FailureCode)),
        _ => ProviderJobStatus.Failed(StoredText.Of("{0} reported an unknown task status '{1}'.", Title, task.Status), permanent: false),
    };

    /// <summary>
    /// True for refusals that would repeat: the content was refused (<c>SAFETY.*</c>) or the input could not be used
    /// (<c>INPUT_PREPROCESSING.*</c>). <c>INTERNAL.*</c> and codes not known here are transient: Runway refunds failed
    /// tasks, so one more try costs little.
    /// </summary>
    internal static bool IsPermanentFailure(string? failureCode) =>
        failureCode is not null
        && (failureCode.StartsWith("SAFETY", StringComparison.OrdinalIgnoreCase)
            || failureCode.StartsWith("INPUT_PREPROCESSING", StringComparison.OrdinalIgnoreCase));

    /// <summary>Runway's ratio string for a Studio frame shape.</summary>
    internal static string RatioFor(AspectRatio ratio) => ratio switch
    {
        AspectRatio.Portrait9x16 => "720:1280",
        AspectRatio.Landscape16x9 => "1280:720",
        AspectRatio.Square1x1 => "960:960",
        AspectRatio.Portrait4x5 => "832:1104",
        _ => throw new ProviderException(StoredText.Of("{0} cannot make this frame shape ({1}).", Title, ratio), isPermanent: true),
    };

    /// <summary>The prompt sent: the request's, then its style, cut to <see cref="MaxPromptLength"/>.</summary>
    internal static string PromptFor(GenerationRequest request) => ProviderRequests.PromptWithStyle(request, MaxPromptLength);

    private static string FailureMessage(RunwayTask task)
    {
        var failure = string.IsNullOrWhiteSpace(task.Failure) ? $"{Title} reported a failure without a reason." : task.Failure.Trim();
        return string.IsNullOrWhiteSpace(task.FailureCode) ? failure : $"{failure} ({task.FailureCode})";
    }

    private static FrameSize PixelsOf(string ratio)
    {
        var parts = ratio.Split(':');
        return new FrameSize(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private async Task<string> PromptImageAsync(GenerationInput input, AspectRatio aspectRatio, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = await _inputs.ReadAsync(input, Title, ct, MaxInlineImageBytes).ConfigureAwait(false);
        }
        catch (ProviderException)
        {
            // Larger than we send as it is (ReadAsync refuses only that): fitted below instead.
            bytes = [];
        }

        if (bytes.Length > 0)
        {
            return $"data:{input.ContentType};base64,{Convert.ToBase64String(bytes)}";
        }

        var fitted = await _inputs.FitImageAsync(input, PixelsOf(RatioFor(aspectRatio)), "jpeg", ct).ConfigureAwait(false);
        return $"data:image/jpeg;base64,{Convert.ToBase64String(fitted)}";
    }

    private string ModelFor(GenerationMode mode) => mode switch
    {
        GenerationMode.TextToVideo => _options.TextToVideoModel,
        GenerationMode.VideoToVideo => _options.VideoToVideoModel,
        _ => _options.Model,
    };

    private void Validate(GenerationRequest request) => ProviderRequests.Check(request, Capabilities, Title);
}
