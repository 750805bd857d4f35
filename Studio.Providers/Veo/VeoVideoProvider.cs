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
using Studio.Providers.Veo.Wire;

namespace Studio.Providers.Veo;

/// <summary>
/// The <c>veo</c> provider: Google Veo through the Gemini API (providers.md §6). Text- and image-to-video, 16:9 and
/// 9:16, clips of 4, 6 or 8 s at <see cref="VeoOptions.Resolution"/>; the provider job id is the operation's name.
/// Images go inline (base64). Clips are downloaded with the key from the API, whose redirect to storage is followed
/// without it. Veo has no documented cancel: <see cref="CancelAsync"/> only logs.
/// </summary>
public sealed class VeoVideoProvider : IVideoProvider
{
    /// <summary>The provider's name in configuration, jobs and the API.</summary>
    public const string ProviderName = "veo";

    /// <summary>The provider's name as users read it.</summary>
    public const string Title = "Google Veo";

    /// <summary>
    /// Longest prompt sent, in characters. providers.md names no limit (unconfirmed); Google's docs speak of 1024
    /// tokens, which 1024 characters never exceed.
    /// </summary>
    public const int MaxPromptLength = 1024;

    /// <summary>Largest image sent as it is; a larger one is first fitted to the output size as a JPEG (the Gemini API caps a request near 20 MB).</summary>
    internal const int MaxInlineImageBytes = 8 * 1024 * 1024;

    private readonly ProviderClientFactory<VeoApiClient> _clients;
    private readonly ProviderClientFactory<VeoDownloadClient> _downloads;
    private readonly ProviderInputs _inputs;
    private readonly VeoOptions _options;
    private readonly ILogger<VeoVideoProvider> _logger;

    /// <summary>Creates the provider.</summary>
    /// <param name="clients">A typed API client per call.</param>
    /// <param name="downloads">A typed download client per call.</param>
    /// <param name="inputs">Input images.</param>
    /// <param name="options">Settings and prices.</param>
    /// <param name="logger">Logger.</param>
    public VeoVideoProvider(
        ProviderClientFactory<VeoApiClient> clients,
        ProviderClientFactory<VeoDownloadClient> downloads,
        ProviderInputs inputs,
        IOptions<VeoOptions> options,
        ILogger<VeoVideoProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _downloads = downloads;
        _inputs = inputs;
        _options = options.Value;
        _logger = logger;
        Capabilities = new ProviderCapabilities(
            new HashSet<GenerationMode> { GenerationMode.TextToVideo, GenerationMode.ImageToVideo },
            new HashSet<AspectRatio> { AspectRatio.Landscape16x9, AspectRatio.Portrait9x16 },
            MaxPromptLength,
            MaxDuration: TimeSpan.FromSeconds(8))
        {
            ClipLengths = [TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(8)],
            Resolutions = ["720p", "1080p"],
        };
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string DisplayName => Title;

    /// <summary>
    /// Text- and image-to-video; 16:9 and 9:16 only; prompts up to 1024 characters; 4, 6 or 8 s clips; 720p or 1080p.
    /// Failed generations are not known to be refunded.
    /// </summary>
    public ProviderCapabilities Capabilities { get; }

    /// <inheritdoc />
    public bool IsConfigured => _options.IsConfigured;

    /// <inheritdoc />
    public int? MaxConcurrency => _options.MaxConcurrency;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ModelPrice> Prices => _options.Prices;

    /// <summary>The configured model and resolution, and 4, 6 or 8 s.</summary>
    public ClipQuote Quote(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ClipQuote(_options.Model, _options.Resolution, Capabilities.ClipLengthFor(request.Duration));
    }

    /// <inheritdoc />
    public async Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var quote = Quote(request);
        var seconds = (int)quote.Length.TotalSeconds;
        var aspectRatio = AspectRatioFor(request.AspectRatio);
        var image = request.Mode == GenerationMode.ImageToVideo
            ? await ImageAsync(request.Input!, request.AspectRatio, ct).ConfigureAwait(false)
            : null;
        var body = new VeoPredictRequest(
            [new VeoInstance(PromptFor(request), image)],
            new VeoParameters(aspectRatio, seconds, quote.Resolution, SampleCount: 1));
        var name = await _clients.Create().PredictLongRunningAsync(quote.Model, body, ct).ConfigureAwait(false);
        VeoLog.Submitted(_logger, name, request.SegmentId, quote.Model, aspectRatio, seconds, quote.Resolution);
        return name;
    }

    /// <inheritdoc />
    /// <remarks>An operation Google no longer knows is a transient failure: the clip is made again.</remarks>
    public async Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct)
    {
        var operation = await _clients.Create().GetOperationAsync(providerJobId, ct).ConfigureAwait(false);
        if (operation is null)
        {
            return ProviderJobStatus.Failed(StoredText.Of("{0} no longer knows this generation; it will be made again.", Title), permanent: false);
        }

        var status = ToStatus(operation);
        if (status.State == ProviderJobState.Failed)
        {
            VeoLog.Failed(_logger, providerJobId, status.Error ?? string.Empty);
        }

        return status;
    }

    /// <inheritdoc />
    public async Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var operation = await _clients.Create().GetOperationAsync(providerJobId, ct).ConfigureAwait(false)
            ?? throw new ProviderException(StoredText.Of("{0} no longer knows this generation; it will be made again.", Title), isPermanent: false);
        if (VideoUriOf(operation) is not { } uri)
        {
            throw new ProviderException(StoredText.Of("{0} has no clip for this generation yet.", Title), isPermanent: false);
        }

        await _downloads.Create().DownloadAsync(uri, destination, ct).ConfigureAwait(false);
    }

    /// <summary>Logs only: the Gemini API documents no cancel for Veo operations, so the generation runs (and is billed) to its end.</summary>
    public Task CancelAsync(string providerJobId, CancellationToken ct)
    {
        VeoLog.CannotCancel(_logger, providerJobId);
        return Task.CompletedTask;
    }

    /// <summary>What a Veo operation means to Studio.</summary>
    internal static ProviderJobStatus ToStatus(VeoOperation operation)
    {
        if (operation.Done != true)
        {
            return ProviderJobStatus.Running(0);
        }

        if (operation.Error is { } error)
        {
            return VeoErrors.Describe(error) is { } words
                ? ProviderJobStatus.Failed(words, IsPermanentError(error))
                : ProviderJobStatus.Failed(StoredText.Of("{0} reported a failure without a reason.", Title), IsPermanentError(error));
        }

        if (VideoUriOf(operation) is not null)
        {
            return ProviderJobStatus.Succeeded;
        }

        var reasons = operation.Response?.GenerateVideoResponse?.RaiMediaFilteredReasons;
        return reasons is { Count: > 0 }
            ? ProviderJobStatus.Failed(StoredText.Of("{0} withheld the clip: it was filtered by Google's safety filters ({1}).", Title, string.Join(" ", reasons)), permanent: true)
            : ProviderJobStatus.Failed(StoredText.Of("{0} finished without a clip.", Title), permanent: false);
    }

    /// <summary>Veo's aspect ratio for a Studio frame shape.</summary>
    internal static string AspectRatioFor(AspectRatio ratio) => ratio switch
    {
        AspectRatio.Landscape16x9 => "16:9",
        AspectRatio.Portrait9x16 => "9:16",
        _ => throw new ProviderException(StoredText.Of("{0} makes only 16:9 and 9:16 clips, not {1}.", Title, ratio), isPermanent: true),
    };

    /// <summary>The prompt sent: the request's, then its style, cut to <see cref="MaxPromptLength"/>.</summary>
    internal static string PromptFor(GenerationRequest request) => ProviderRequests.PromptWithStyle(request, MaxPromptLength);

    /// <summary>INVALID_ARGUMENT (rpc code 3) and FAILED_PRECONDITION (9) would fail again; the rest may pass on a new try.</summary>
    private static bool IsPermanentError(VeoStatus error) =>
        error.Status is "INVALID_ARGUMENT" or "FAILED_PRECONDITION" || error.Code is 3 or 9;

    private static Uri? VideoUriOf(VeoOperation operation) =>
        operation is { Done: true, Error: null }
        && operation.Response?.GenerateVideoResponse?.GeneratedSamples is [{ Video.Uri: { } uri }, ..]
        && Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
            ? parsed
            : null;

    private async Task<VeoImage> ImageAsync(GenerationInput input, AspectRatio aspectRatio, CancellationToken ct)
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
            return new VeoImage(Convert.ToBase64String(bytes), input.ContentType);
        }

        var size = aspectRatio == AspectRatio.Portrait9x16 ? new FrameSize(720, 1280) : new FrameSize(1280, 720);
        return new VeoImage(Convert.ToBase64String(await _inputs.FitImageAsync(input, size, "jpeg", ct).ConfigureAwait(false)), "image/jpeg");
    }

    private void Validate(GenerationRequest request) => ProviderRequests.Check(request, Capabilities, Title);
}
