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
using Studio.Providers.Sora.Wire;

namespace Studio.Providers.Sora;

/// <summary>
/// The <c>sora</c> provider: OpenAI Sora 2 (sora-2, sora-2-pro) over OpenAI's Videos API (README.md beside this file).
/// Text- and image-to-video in 4, 8 or 12 s clips, 9:16 or 16:9 only; the start image is uploaded (multipart), fitted
/// to exactly the requested size. OpenAI's pacing header <c>openai-poll-after-ms</c> becomes
/// <see cref="ProviderJobStatus.PollAfter"/>. OpenAI is not known to refund failed videos, and cannot look a
/// submission up by a client reference.
/// </summary>
public sealed class SoraVideoProvider : IVideoProvider
{
    /// <summary>The provider's name in configuration, jobs and the API.</summary>
    public const string ProviderName = "sora";

    /// <summary>The provider's name as users read it.</summary>
    public const string Title = "OpenAI Sora 2";

    /// <summary>
    /// Words in a failed video's <c>error.code</c> that make the failure permanent: moderation and policy refusals,
    /// and refused inputs, fail the same way again. Other codes (internal errors) may pass on a new attempt.
    /// </summary>
    private static readonly string[] PermanentCodeWords = ["moderation", "policy", "invalid"];

    private readonly ProviderClientFactory<SoraApiClient> _api;
    private readonly ProviderInputs _inputs;
    private readonly SoraOptions _options;
    private readonly ILogger<SoraVideoProvider> _logger;

    /// <summary>Creates the provider.</summary>
    /// <param name="api">A client of OpenAI's Videos API per call.</param>
    /// <param name="inputs">Input images, fitted to the requested size.</param>
    /// <param name="options">Key, model, resolution, prices.</param>
    /// <param name="logger">Logger.</param>
    public SoraVideoProvider(ProviderClientFactory<SoraApiClient> api, ProviderInputs inputs, IOptions<SoraOptions> options, ILogger<SoraVideoProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _api = api;
        _inputs = inputs;
        _options = options.Value;
        _logger = logger;
        Capabilities = new ProviderCapabilities(
            new HashSet<GenerationMode> { GenerationMode.TextToVideo, GenerationMode.ImageToVideo },
            new HashSet<AspectRatio> { AspectRatio.Portrait9x16, AspectRatio.Landscape16x9 },
            _options.MaxPromptLength,
            TimeSpan.FromSeconds(12))
        {
            ClipLengths = [TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(12)],
            Resolutions = _options.IsPro ? [SoraOptions.Resolution720, SoraOptions.Resolution1024] : [SoraOptions.Resolution720],
            ImageSizes = [SizeOf(AspectRatio.Portrait9x16), SizeOf(AspectRatio.Landscape16x9)],
            InputsByLink = false,
            RefundsFailures = false,
            FindsSubmissions = false,
        };
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string DisplayName => Title;

    /// <summary>
    /// Text- and image-to-video; 9:16 and 16:9 only (square and 4:5 are refused: no Sora size is near enough);
    /// prompts up to <see cref="SoraOptions.MaxPromptLength"/>; clips of 4, 8 or 12 s; input images of the configured size.
    /// </summary>
    public ProviderCapabilities Capabilities { get; }

    /// <summary>True when <c>Studio:Providers:Sora:ApiKey</c> is set.</summary>
    public bool IsConfigured => _options.IsConfigured;

    /// <inheritdoc />
    public int? MaxConcurrency => _options.MaxConcurrency;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ModelPrice> Prices => _options.Prices;

    /// <summary>The configured model and resolution ("720p" or "1024p"), for the nearest clip length at least as long as the segment.</summary>
    public ClipQuote Quote(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ClipQuote(_options.Model, _options.Resolution, Capabilities.ClipLengthFor(request.Duration));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Checks the request first (nothing is sent when it cannot succeed). Text-to-video posts JSON; image-to-video
    /// posts multipart with the image fitted (resized and padded, as PNG) to exactly the requested size.
    /// </remarks>
    public async Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = Validate(request);
        var quote = Quote(request);
        var size = SizeOf(request.AspectRatio);
        var body = new SoraCreateRequest(
            quote.Model,
            prompt,
            ((int)Math.Round(quote.Length.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
            size.ToString());
        var client = _api.Create();
        SoraVideo created;
        if (request.Mode == GenerationMode.ImageToVideo)
        {
            var image = await _inputs.FitImageAsync(request.Input!, size, "png", ct).ConfigureAwait(false);
            created = await client.CreateAsync(body, image, "image/png", ct).ConfigureAwait(false);
        }
        else
        {
            created = await client.CreateAsync(body, ct).ConfigureAwait(false);
        }

        SoraLog.Submitted(_logger, created.Id!, request.SegmentId, body.Model, body.Seconds, body.Size, request.Mode.ToString());
        return created.Id!;
    }

    /// <inheritdoc />
    /// <remarks>Carries OpenAI's <c>openai-poll-after-ms</c> as <see cref="ProviderJobStatus.PollAfter"/>. An unknown id is a transient failure.</remarks>
    public async Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct)
    {
        var polled = await _api.Create().GetAsync(providerJobId, ct).ConfigureAwait(false);
        if (polled is null)
        {
            return ProviderJobStatus.Failed(StoredText.Of("{0} no longer knows this video; it will be made again.", Title), permanent: false);
        }

        var status = ToStatus(polled.Video) with { PollAfter = polled.PollAfter };
        if (status.State == ProviderJobState.Failed)
        {
            SoraLog.Failed(_logger, providerJobId, polled.Video.Error?.Code, status.Error!, status.IsPermanent);
        }

        return status;
    }

    /// <inheritdoc />
    /// <remarks>Fetched from OpenAI with the key; content that is gone (expired) is a transient failure.</remarks>
    public Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct) =>
        _api.Create().DownloadAsync(providerJobId, destination, ct);

    /// <inheritdoc />
    /// <remarks><c>DELETE videos/{id}</c>; an id OpenAI does not know is taken as already gone.</remarks>
    public async Task CancelAsync(string providerJobId, CancellationToken ct)
    {
        var known = await _api.Create().DeleteAsync(providerJobId, ct).ConfigureAwait(false);
        SoraLog.Deleted(_logger, providerJobId, known);
    }

    /// <summary>What an OpenAI video means to Studio.</summary>
    internal static ProviderJobStatus ToStatus(SoraVideo video) => video.Status switch
    {
        SoraStatuses.Queued => ProviderJobStatus.Queued,
        SoraStatuses.InProgress => ProviderJobStatus.Running((video.Progress ?? 0) / 100.0),
        SoraStatuses.Completed => ProviderJobStatus.Succeeded,
        SoraStatuses.Failed => string.IsNullOrWhiteSpace(video.Error?.Message)
            ? ProviderJobStatus.Failed(
                video.Error?.Code is { } code
                    ? StoredText.Of("{0} reported a failure without a reason ({1}).", Title, code)
                    : StoredText.Of("{0} reported a failure without a reason (no code).", Title),
                IsPermanentCode(video.Error?.Code))
            : ProviderJobStatus.Failed(video.Error.Message, IsPermanentCode(video.Error?.Code)),
        _ => ProviderJobStatus.Failed(StoredText.Of("{0} reported an unknown status '{1}'.", Title, video.Status), permanent: false),
    };

    /// <summary>True when a failed video's code is a refusal that a new attempt would meet again.</summary>
    internal static bool IsPermanentCode(string? code) =>
        code is not null && PermanentCodeWords.Any(w => code.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>The frame size asked for <paramref name="ratio"/> at the configured resolution.</summary>
    private FrameSize SizeOf(AspectRatio ratio) => (ratio, _options.Resolution == SoraOptions.Resolution1024) switch
    {
        (AspectRatio.Portrait9x16, false) => new FrameSize(720, 1280),
        (AspectRatio.Landscape16x9, false) => new FrameSize(1280, 720),
        (AspectRatio.Portrait9x16, true) => new FrameSize(1024, 1792),
        (AspectRatio.Landscape16x9, true) => new FrameSize(1792, 1024),
        _ => throw new ProviderException(StoredText.Of("{0} makes only 9:16 and 16:9 clips, not {1}.", Title, ratio), isPermanent: true),
    };

    /// <summary>The prompt to send (prompt, then the style, cut to the limit), or a permanent error when the request cannot succeed.</summary>
    private string Validate(GenerationRequest request)
    {
        ProviderRequests.Check(request, Capabilities, Title);
        return ProviderRequests.PromptWithStyle(request, Capabilities.MaxPromptLength);
    }
}
