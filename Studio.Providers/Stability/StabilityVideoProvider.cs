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

namespace Studio.Providers.Stability;

/// <summary>
/// The <c>stability</c> provider: Stable Video Diffusion through Stability AI's v2beta image-to-video route. It animates
/// an image alone — SVD takes no prompt, no length and no ratio: the image is fitted (resized and padded) to one of the
/// three sizes SVD accepts, and the clip (about 2–4 s) comes out at that size. Stability keeps no cancel route and does
/// not refund failed generations. When the route answers 404 (Stability appears to have withdrawn SVD from its API in
/// 2025), <see cref="Notice"/> says so.
/// </summary>
public sealed class StabilityVideoProvider : IVideoProvider
{
    /// <summary>The provider's name in configuration, jobs and the API.</summary>
    public const string ProviderName = "stability";

    /// <summary>The provider's name as users read it.</summary>
    public const string Title = "Stability AI (Stable Video Diffusion)";

    /// <summary>What users read when the submission route answers 404.</summary>
    public const string WithdrawnNotice =
        "Stability AI answered 404 for image-to-video: the route looks withdrawn for this key (legacy); choose another provider.";

    /// <summary>The portrait input size (9:16).</summary>
    public static readonly FrameSize Portrait = new(576, 1024);

    /// <summary>The landscape input size (16:9).</summary>
    public static readonly FrameSize Landscape = new(1024, 576);

    /// <summary>The square input size (1:1, and 4:5, whose nearest accepted shape it is).</summary>
    public static readonly FrameSize Square = new(768, 768);

    private readonly ProviderClientFactory<StabilityApiClient> _clients;
    private readonly ProviderInputs _inputs;
    private readonly StabilityOptions _options;
    private readonly ILogger<StabilityVideoProvider> _logger;
    private volatile string? _notice;

    /// <summary>Creates the provider.</summary>
    /// <param name="clients">A typed API client per call.</param>
    /// <param name="inputs">Input images.</param>
    /// <param name="options">Settings and prices.</param>
    /// <param name="logger">Logger.</param>
    public StabilityVideoProvider(
        ProviderClientFactory<StabilityApiClient> clients,
        ProviderInputs inputs,
        IOptions<StabilityOptions> options,
        ILogger<StabilityVideoProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _inputs = inputs;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string DisplayName => Title;

    /// <summary>
    /// Image-to-video only, in every Studio ratio (4:5 is made square); one clip length, 4 s, filling segments of up to
    /// 8 s (the assembly stretches the short clip); inputs fitted to 576×1024, 1024×576 or 768×768. The prompt is not
    /// sent (SVD takes none), so its length limit is Studio's usual 2000 characters.
    /// </summary>
    public ProviderCapabilities Capabilities { get; } = new(
        new HashSet<GenerationMode> { GenerationMode.ImageToVideo },
        new HashSet<AspectRatio>(Enum.GetValues<AspectRatio>()),
        MaxPromptLength: 2000,
        MaxDuration: TimeSpan.FromSeconds(8))
    {
        ClipLengths = [TimeSpan.FromSeconds(4)],
        ImageSizes = [Landscape, Portrait, Square],
    };

    /// <inheritdoc />
    public bool IsConfigured => _options.IsConfigured;

    /// <inheritdoc />
    public int? MaxConcurrency => _options.MaxConcurrency;

    /// <summary>Set when Stability answered 404 for the image-to-video route; cleared by the next accepted submission.</summary>
    public string? Notice => _notice;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ModelPrice> Prices => _options.Prices;

    /// <summary>The configured model, no resolution choice (the clip has the fitted image's size), one 4 s clip.</summary>
    public ClipQuote Quote(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ClipQuote(_options.Model, string.Empty, Capabilities.ClipLengthFor(request.Duration));
    }

    /// <inheritdoc />
    /// <remarks>SVD has no length setting: the one clip it makes is what <see cref="Quote"/> names.</remarks>
    public async Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var size = InputSizeFor(request.AspectRatio);
        var png = await _inputs.FitImageAsync(request.Input!, size, "png", ct).ConfigureAwait(false);
        var id = await _clients.Create().SubmitAsync(png, _options.Seed, _options.CfgScale, _options.MotionBucketId, ct).ConfigureAwait(false);
        if (id is null)
        {
            _notice = WithdrawnNotice;
            StabilityLog.RouteWithdrawn(_logger);
            throw new ProviderException(WithdrawnNotice, isPermanent: true) { NothingStarted = true };
        }

        _notice = null;
        StabilityLog.Submitted(_logger, id, request.SegmentId, size.Width, size.Height);
        return id;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Reads the result route's status and headers only: 202 running (no progress given), 200 done (or refused by
    /// moderation, per <c>finish-reason</c>), 404 a transient failure (unknown, or past its 24 hours: made again).
    /// </remarks>
    public async Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct) =>
        await _clients.Create().GetResultStateAsync(providerJobId, ct).ConfigureAwait(false) switch
        {
            StabilityResultState.InProgress => ProviderJobStatus.Running(0),
            StabilityResultState.Succeeded => ProviderJobStatus.Succeeded,
            StabilityResultState.ContentFiltered => ProviderJobStatus.Failed(Moderated(null), permanent: true),
            _ => ProviderJobStatus.Failed(StoredText.Of("{0} no longer has this generation (results are kept 24 hours); it will be made again.", Title), permanent: false),
        };

    /// <inheritdoc />
    public async Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var state = await _clients.Create().DownloadAsync(providerJobId, destination, ct).ConfigureAwait(false);
        switch (state)
        {
            case StabilityResultState.Succeeded:
                return;
            case StabilityResultState.InProgress:
                throw new ProviderException(StoredText.Of("{0} has not finished this clip yet.", Title), isPermanent: false);
            case StabilityResultState.ContentFiltered:
                throw new ProviderException(Moderated(null), isPermanent: true);
            default:
                throw new ProviderException(StoredText.Of("{0}'s result has expired (results are kept 24 hours); the clip will be made again.", Title), isPermanent: false);
        }
    }

    /// <inheritdoc />
    /// <remarks>Stability's API offers no way to stop a generation: nothing is sent (it runs out, and is billed, at Stability).</remarks>
    public Task CancelAsync(string providerJobId, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The size SVD accepts that matches <paramref name="ratio"/>: 9:16 → 576×1024, 16:9 → 1024×576, 1:1 and 4:5 → 768×768.</summary>
    public static FrameSize InputSizeFor(AspectRatio ratio) => ratio switch
    {
        AspectRatio.Portrait9x16 => Portrait,
        AspectRatio.Landscape16x9 => Landscape,
        AspectRatio.Square1x1 or AspectRatio.Portrait4x5 => Square,
        _ => throw new ProviderException(StoredText.Of("{0} cannot make {1} clips.", Title, ratio), isPermanent: true),
    };

    /// <summary>The message of a moderation refusal, with Stability's words when it gave any.</summary>
    internal static string Moderated(string? said) =>
        string.IsNullOrWhiteSpace(said)
            ? "The clip was filtered by Stability's content moderation."
            : $"The clip was filtered by Stability's content moderation: {said}";

    /// <summary>SVD animates the image alone: no prompt is needed (none is sent).</summary>
    private void Validate(GenerationRequest request) => ProviderRequests.Check(request, Capabilities, Title, promptRequired: false);
}
