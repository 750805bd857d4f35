using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Http;
using Studio.Providers.Media;
using Studio.Providers.Pika.Wire;

namespace Studio.Providers.Pika;

/// <summary>
/// The <c>pika</c> provider: Pika v2.2 through fal.ai's queue. Text- and image-to-video in 9:16, 16:9, 1:1 and 4:5,
/// clips of 5 or 10 s at 720p or 1080p. The provider job id is fal's <c>response_url</c> (see
/// <see cref="PikaRequestUrls"/>). fal's <c>COMPLETED</c> does not mean success: the result call decides. Failed
/// requests are not billed by fal.
/// </summary>
public sealed class PikaVideoProvider : IVideoProvider
{
    /// <summary>The provider's name in configuration, jobs and the API.</summary>
    public const string ProviderName = "pika";

    /// <summary>The provider's name as users read it.</summary>
    public const string Title = "Pika (fal.ai)";

    /// <summary>
    /// Longest prompt sent. fal's schema for Pika v2.2 states no limit (unconfirmed); 2000 characters keeps well inside
    /// what Pika's own tools take.
    /// </summary>
    public const int MaxPromptLength = 2000;

    private readonly ProviderClientFactory<PikaApiClient> _clients;
    private readonly ProviderClientFactory<PikaResultClient> _results;
    private readonly ProviderClientFactory<PikaMediaClient> _media;
    private readonly ProviderInputs _inputs;
    private readonly PikaOptions _options;
    private readonly ILogger<PikaVideoProvider> _logger;

    /// <summary>Creates the provider.</summary>
    /// <param name="clients">A typed API client per call.</param>
    /// <param name="results">A typed result client per call.</param>
    /// <param name="media">A typed CDN client per call (no key).</param>
    /// <param name="inputs">Input images.</param>
    /// <param name="options">Settings and prices.</param>
    /// <param name="logger">Logger.</param>
    public PikaVideoProvider(
        ProviderClientFactory<PikaApiClient> clients,
        ProviderClientFactory<PikaResultClient> results,
        ProviderClientFactory<PikaMediaClient> media,
        ProviderInputs inputs,
        IOptions<PikaOptions> options,
        ILogger<PikaVideoProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _results = results;
        _media = media;
        _inputs = inputs;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string DisplayName => Title;

    /// <summary>Text- and image-to-video; every Studio ratio (fal takes 9:16, 16:9, 1:1 and 4:5 as they are); 5 or 10 s clips; 720p or 1080p.</summary>
    public ProviderCapabilities Capabilities { get; } = new(
        new HashSet<GenerationMode> { GenerationMode.TextToVideo, GenerationMode.ImageToVideo },
        new HashSet<AspectRatio>(Enum.GetValues<AspectRatio>()),
        MaxPromptLength,
        MaxDuration: TimeSpan.FromSeconds(10))
    {
        ClipLengths = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)],
        Resolutions = ["720p", "1080p"],
        RefundsFailures = true,
    };

    /// <inheritdoc />
    public bool IsConfigured => _options.IsConfigured;

    /// <inheritdoc />
    public int? MaxConcurrency => _options.MaxConcurrency;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ModelPrice> Prices => _options.Prices;

    /// <summary>The configured model and resolution, and the nearest clip length (5 or 10 s) at least as long as the segment.</summary>
    public ClipQuote Quote(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ClipQuote(_options.Model, _options.Resolution, Capabilities.ClipLengthFor(request.Duration));
    }

    /// <inheritdoc />
    /// <remarks>The job id is fal's <c>response_url</c>, kept as returned (<see cref="PikaRequestUrls"/>).</remarks>
    public async Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var prompt = PromptFor(request);
        var quote = Quote(request);
        var seconds = (int)quote.Length.TotalSeconds;
        var client = _clients.Create();
        FalQueueSubmission queued;
        string endpoint;
        if (request.Mode == GenerationMode.ImageToVideo)
        {
            // Pika's image-to-video has no aspect ratio: the clip takes the image's shape, so the image is fitted to the frame first.
            var image = await _inputs.FitImageAsync(request.Input!, InputSizeFor(request.AspectRatio, _options.Resolution), "jpeg", ct).ConfigureAwait(false);
            var dataUri = "data:image/jpeg;base64," + Convert.ToBase64String(image);
            endpoint = "image-to-video";
            queued = await client.SubmitImageToVideoAsync(_options.Model, new PikaImageToVideoRequest(dataUri, prompt, _options.Resolution, seconds), ct)
                .ConfigureAwait(false);
        }
        else
        {
            endpoint = "text-to-video";
            queued = await client.SubmitTextToVideoAsync(
                _options.Model,
                new PikaTextToVideoRequest(prompt, RatioOf(request.AspectRatio), _options.Resolution, seconds),
                ct).ConfigureAwait(false);
        }

        var urls = UrlsOf(queued, client);
        PikaLog.Submitted(_logger, queued.RequestId, request.SegmentId, endpoint, seconds, _options.Resolution);
        return urls.ToJobId();
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>IN_QUEUE</c> is queued (with fal's queue position as detail), <c>IN_PROGRESS</c> running (fal gives no progress),
    /// <c>COMPLETED</c> is decided by the result call: an output is success, 422 and other refusals a permanent failure
    /// in fal's words, 5xx a transient one. A request fal no longer knows is a transient failure (made again).
    /// </remarks>
    public async Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct)
    {
        var urls = PikaRequestUrls.FromJobId(providerJobId);
        var client = _clients.Create();
        var status = await client.GetStatusAsync(urls.Status, ct).ConfigureAwait(false);
        switch (status?.Status)
        {
            case null:
                return ProviderJobStatus.Failed(StoredText.Of("{0} no longer knows this request; it will be made again.", Title), permanent: false);
            case FalStatuses.InQueue:
                return ProviderJobStatus.Queued with
                {
                    Detail = status.QueuePosition is { } position
                        ? string.Create(CultureInfo.InvariantCulture, $"Queued at fal.ai ({position} ahead)")
                        : "Queued at fal.ai",
                };
            case FalStatuses.InProgress:
                return ProviderJobStatus.Running(0);
            case FalStatuses.Completed:
                return await OutcomeAsync(urls, ct).ConfigureAwait(false);
            default:
                return ProviderJobStatus.Failed(StoredText.Of("{0} reported an unknown status '{1}'.", Title, status.Status), permanent: false);
        }
    }

    /// <inheritdoc />
    /// <remarks>Reads the output again for the clip's URL, then fetches it from fal's CDN without the key.</remarks>
    public async Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var urls = PikaRequestUrls.FromJobId(providerJobId);
        var result = await _results.Create().GetResultAsync(urls.Response, ct).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            var permanent = (int)result.Status is >= 400 and < 500 and not 404;
            throw result.Error is { } words
                ? new ProviderException(words, permanent)
                : new ProviderException(StoredText.Of("{0} has no result for this request (HTTP {1}).", Title, (int)result.Status), permanent);
        }

        var video = VideoUrlOf(result.Output)
            ?? throw new ProviderException(StoredText.Of("{0} finished without a video URL; the clip will be made again.", Title), isPermanent: false);
        await _media.Create().DownloadAsync(video, destination, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>A request already completed (400 <c>ALREADY_COMPLETED</c>) or unknown (404) is left as it is.</remarks>
    public async Task CancelAsync(string providerJobId, CancellationToken ct)
    {
        var urls = PikaRequestUrls.FromJobId(providerJobId);
        var taken = await _clients.Create().CancelAsync(urls.Cancel, ct).ConfigureAwait(false);
        PikaLog.Cancelled(_logger, urls.Response.AbsoluteUri, taken ? "requested" : "not needed (finished or unknown)");
    }

    /// <summary>fal's ratio string for a Studio ratio.</summary>
    internal static string RatioOf(AspectRatio ratio) => ratio switch
    {
        AspectRatio.Portrait9x16 => "9:16",
        AspectRatio.Landscape16x9 => "16:9",
        AspectRatio.Square1x1 => "1:1",
        AspectRatio.Portrait4x5 => "4:5",
        _ => throw new ProviderException(StoredText.Of("{0} cannot make {1} clips.", Title, ratio), isPermanent: true),
    };

    /// <summary>The size an input image is fitted to: the frame's shape with its short side at the resolution asked for.</summary>
    internal static FrameSize InputSizeFor(AspectRatio ratio, string resolution)
    {
        var side = resolution == "1080p" ? 1080 : 720;
        return ratio switch
        {
            AspectRatio.Portrait9x16 => new FrameSize(side, side * 16 / 9),
            AspectRatio.Landscape16x9 => new FrameSize(side * 16 / 9, side),
            AspectRatio.Square1x1 => new FrameSize(side, side),
            AspectRatio.Portrait4x5 => new FrameSize(side, side * 5 / 4),
            _ => throw new ProviderException(StoredText.Of("{0} cannot make {1} clips.", Title, ratio), isPermanent: true),
        };
    }

    /// <summary>The prompt sent: the request's, then its style, cut to <see cref="MaxPromptLength"/>.</summary>
    internal static string PromptFor(GenerationRequest request) => ProviderRequests.PromptWithStyle(request, MaxPromptLength);

    private async Task<ProviderJobStatus> OutcomeAsync(PikaRequestUrls urls, CancellationToken ct)
    {
        var result = await _results.Create().GetResultAsync(urls.Response, ct).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            return VideoUrlOf(result.Output) is null
                ? ProviderJobStatus.Failed(StoredText.Of("{0} finished without a video; it will be made again.", Title), permanent: false)
                : ProviderJobStatus.Succeeded;
        }

        var code = (int)result.Status;
        PikaLog.Failed(_logger, urls.Response.AbsoluteUri, code, result.Error);
        if (code == 400 && result.Error?.Contains("in progress", StringComparison.OrdinalIgnoreCase) == true)
        {
            // COMPLETED raced ahead of the result: ask again at the next poll.
            return ProviderJobStatus.Running(0);
        }

        var said = result.Error ?? string.Create(CultureInfo.InvariantCulture, $"HTTP {code}");
        return code is >= 400 and < 500 and not 404
            ? ProviderJobStatus.Failed(StoredText.Of("{0} refused the request: {1}", Title, said), permanent: true)
            : ProviderJobStatus.Failed(StoredText.Of("{0} failed to make the clip: {1}", Title, said), permanent: false);
    }

    private static Uri? VideoUrlOf(PikaOutput? output) =>
        Uri.TryCreate(output?.Video?.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;

    private static PikaRequestUrls UrlsOf(FalQueueSubmission queued, PikaApiClient client)
    {
        if (!Uri.TryCreate(queued.ResponseUrl, UriKind.Absolute, out var response)
            || !Uri.TryCreate(queued.StatusUrl, UriKind.Absolute, out var status)
            || !Uri.TryCreate(queued.CancelUrl, UriKind.Absolute, out var cancel))
        {
            // Queued and billable, but Studio cannot follow it: say so rather than submit blindly again.
            throw new ProviderException(StoredText.Of("{0} queued request {1} without the URLs to follow it.", Title, queued.RequestId), isPermanent: true);
        }

        if (!client.IsOnApiHost(response) || !client.IsOnApiHost(status) || !client.IsOnApiHost(cancel))
        {
            throw new ProviderException(
                StoredText.Of("{0} queued request {1} at another host than {2}:BaseUrl; Studio sends the key to that host only.", Title, queued.RequestId, PikaOptions.Section),
                isPermanent: true);
        }

        return new PikaRequestUrls(response, status, cancel);
    }

    private void Validate(GenerationRequest request) => ProviderRequests.Check(request, Capabilities, Title);
}
