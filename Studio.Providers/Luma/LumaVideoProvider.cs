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
using Studio.Providers.Luma.Wire;
using Studio.Providers.Media;

namespace Studio.Providers.Luma;

/// <summary>
/// The <c>luma</c> provider: Luma Dream Machine (ray-2, ray-flash-2) over its REST API (README.md beside this file).
/// Text- and image-to-video in 5 s or 9 s clips; the start image goes by URL only (a signed Studio link, so image-to-video
/// needs <c>Studio:PublicBaseUrl</c>). Luma refunds failed generations. Its list has no client reference, so a
/// submission whose answer was lost cannot be found again.
/// </summary>
public sealed class LumaVideoProvider : IVideoProvider
{
    /// <summary>The provider's name in configuration, jobs and the API.</summary>
    public const string ProviderName = "luma";

    /// <summary>The provider's name as users read it.</summary>
    public const string Title = "Luma Dream Machine";

    /// <summary>Luma's prompt limits, in characters.</summary>
    public const int MinPromptLength = 3;

    /// <summary>Longest prompt Luma takes, in characters.</summary>
    public const int MaxPromptLength = 5000;

    /// <summary>
    /// Words in a <c>failure_reason</c> that make the failure permanent: Luma's content checks ("Contains blacklisted
    /// words", "Frame moderation failed", "Advanced prompt moderation failed") refuse the same prompt or image again.
    /// Any other reason ("Prompt processing failed", "Failed to read user input frames") may pass on a new attempt.
    /// </summary>
    private static readonly string[] PermanentReasonWords = ["blacklist", "moderation"];

    private readonly ProviderClientFactory<LumaApiClient> _api;
    private readonly ProviderClientFactory<LumaAssetClient> _assets;
    private readonly ProviderInputs _inputs;
    private readonly LumaOptions _options;
    private readonly ILogger<LumaVideoProvider> _logger;

    /// <summary>Creates the provider.</summary>
    /// <param name="api">A client of Luma's API per call.</param>
    /// <param name="assets">A client of Luma's CDN per call (no key).</param>
    /// <param name="inputs">Signed links to input images.</param>
    /// <param name="options">Key, model, resolution, prices.</param>
    /// <param name="logger">Logger.</param>
    public LumaVideoProvider(
        ProviderClientFactory<LumaApiClient> api,
        ProviderClientFactory<LumaAssetClient> assets,
        ProviderInputs inputs,
        IOptions<LumaOptions> options,
        ILogger<LumaVideoProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _assets = assets;
        _inputs = inputs;
        _options = options.Value;
        _logger = logger;
        Capabilities = new ProviderCapabilities(
            new HashSet<GenerationMode> { GenerationMode.TextToVideo, GenerationMode.ImageToVideo },
            new HashSet<AspectRatio> { AspectRatio.Portrait9x16, AspectRatio.Landscape16x9, AspectRatio.Square1x1, AspectRatio.Portrait4x5 },
            MaxPromptLength,
            TimeSpan.FromSeconds(9))
        {
            ClipLengths = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(9)],
            Resolutions = ["540p", "720p", "1080p", "4k"],
            InputsByLink = true,
            RefundsFailures = true,
            FindsSubmissions = false,
        };
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string DisplayName => Title;

    /// <summary>
    /// Text- and image-to-video; 9:16, 16:9, 1:1 and 4:5 (asked as Luma's 3:4, the nearest vertical ratio: the assembly
    /// fits it to 4:5); prompts up to 5000 characters; clips of 5 s or 9 s.
    /// </summary>
    public ProviderCapabilities Capabilities { get; }

    /// <summary>True when <c>Studio:Providers:Luma:ApiKey</c> is set.</summary>
    public bool IsConfigured => _options.IsConfigured;

    /// <inheritdoc />
    public int? MaxConcurrency => _options.MaxConcurrency;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ModelPrice> Prices => _options.Prices;

    /// <summary>The configured model and resolution, for the nearest clip length at least as long as the segment (5 s or 9 s).</summary>
    public ClipQuote Quote(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ClipQuote(_options.Model, _options.Resolution, Capabilities.ClipLengthFor(request.Duration));
    }

    /// <inheritdoc />
    /// <remarks>Checks the request first (nothing is sent when it cannot succeed), then posts it with the quoted clip length.</remarks>
    public async Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = Validate(request);
        LumaKeyframes? keyframes = null;
        if (request.Mode == GenerationMode.ImageToVideo)
        {
            keyframes = new LumaKeyframes(new LumaKeyframe("image", _inputs.LinkFor(request.Input!, Title)));
        }

        var quote = Quote(request);
        var duration = DurationOf(quote.Length);
        var ratio = RatioOf(request.AspectRatio);
        var created = await _api.Create().CreateAsync(
            new LumaCreateRequest("video", quote.Model, prompt, ratio, duration, quote.Resolution, keyframes),
            ct).ConfigureAwait(false);
        LumaLog.Submitted(_logger, created.Id!, request.SegmentId, quote.Model, duration, ratio, request.Mode.ToString());
        return created.Id!;
    }

    /// <inheritdoc />
    /// <remarks>An id Luma does not know (deleted at Luma) is a transient failure: the clip is made again.</remarks>
    public async Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct)
    {
        var generation = await _api.Create().GetAsync(providerJobId, ct).ConfigureAwait(false);
        if (generation is null)
        {
            return ProviderJobStatus.Failed(StoredText.Of("{0} no longer knows this generation; it will be made again.", Title), permanent: false);
        }

        var status = ToStatus(generation);
        if (status.State == ProviderJobState.Failed)
        {
            LumaLog.Failed(_logger, providerJobId, status.Error!, status.IsPermanent);
        }

        return status;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Reads <c>assets.video</c> from the generation and fetches it from Luma's CDN without the key. An expired link
    /// (403, 404, 410) is a transient failure, as is a generation that is gone or not finished.
    /// </remarks>
    public async Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var generation = await _api.Create().GetAsync(providerJobId, ct).ConfigureAwait(false)
            ?? throw new ProviderException(StoredText.Of("{0} no longer has this generation; it will be made again.", Title), isPermanent: false);
        if (generation.State != LumaStates.Completed || !Uri.TryCreate(generation.Assets?.Video, UriKind.Absolute, out var video))
        {
            throw new ProviderException(StoredText.Of("{0} has no finished clip for this generation (state '{1}').", Title, generation.State), isPermanent: false);
        }

        await _assets.Create().DownloadAsync(video, destination, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks><c>DELETE generations/{id}</c>; an id Luma does not know is taken as already gone.</remarks>
    public async Task CancelAsync(string providerJobId, CancellationToken ct)
    {
        var known = await _api.Create().DeleteAsync(providerJobId, ct).ConfigureAwait(false);
        LumaLog.Cancelled(_logger, providerJobId, known);
    }

    /// <summary>What a Luma generation means to Studio.</summary>
    internal static ProviderJobStatus ToStatus(LumaGeneration generation) => generation.State switch
    {
        LumaStates.Queued => ProviderJobStatus.Queued,
        LumaStates.Dreaming => ProviderJobStatus.Running(0),
        LumaStates.Completed when string.IsNullOrEmpty(generation.Assets?.Video) =>
            ProviderJobStatus.Failed(StoredText.Of("{0} finished the generation without a video.", Title), permanent: false),
        LumaStates.Completed => ProviderJobStatus.Succeeded,
        LumaStates.Failed => FailedWith(generation.FailureReason),
        _ => ProviderJobStatus.Failed(StoredText.Of("{0} reported an unknown state '{1}'.", Title, generation.State), permanent: false),
    };

    /// <summary>True when Luma's <c>failure_reason</c> is a content refusal that a new attempt would meet again.</summary>
    internal static bool IsPermanentReason(string? reason) =>
        reason is not null && PermanentReasonWords.Any(w => reason.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static ProviderJobStatus FailedWith(string? reason) =>
        string.IsNullOrWhiteSpace(reason)
            ? ProviderJobStatus.Failed(StoredText.Of("{0} reported a failure without a reason.", Title), permanent: false)
            : ProviderJobStatus.Failed(reason, IsPermanentReason(reason));

    private static string DurationOf(TimeSpan length) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)Math.Round(length.TotalSeconds)}s");

    private static string RatioOf(AspectRatio ratio) => ratio switch
    {
        AspectRatio.Portrait9x16 => "9:16",
        AspectRatio.Landscape16x9 => "16:9",
        AspectRatio.Square1x1 => "1:1",
        AspectRatio.Portrait4x5 => "3:4",
        _ => throw new ProviderException(StoredText.Of("{0} cannot make {1} clips.", Title, ratio), isPermanent: true),
    };

    /// <summary>The prompt to send (prompt, then the style, cut to Luma's limit), or a permanent error when the request cannot succeed.</summary>
    private string Validate(GenerationRequest request)
    {
        ProviderRequests.Check(request, Capabilities, Title);
        var prompt = ProviderRequests.PromptWithStyle(request, MaxPromptLength);
        return prompt.Length < MinPromptLength
            ? throw new ProviderException(StoredText.Of("{0} needs a prompt of at least {1} characters.", Title, MinPromptLength), isPermanent: true)
            : prompt;
    }
}
