using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Studio.Core.Common;
using Studio.Core.Costs;
using Studio.Core.Providers;
using Studio.Core.Segments;
using Studio.Core.Templates;
using Studio.Providers.Http;
using Studio.Providers.Sim.Wire;

namespace Studio.Providers.Sim;

/// <summary>
/// The <c>sim</c> provider: a hosted provider in every respect (HTTP, JSON, polling, faults, a price) but the
/// vendor, which is <see cref="SimServer"/>. It exercises the orchestration and the shared HTTP pipeline
/// (<see cref="ProviderHttpServiceCollectionExtensions.AddProviderHttpClient{TClient}"/>) without a key or a bill.
/// A generation cancelled at the provider is reported as a permanent failure: someone meant it to stop, and
/// starting it again would spend money against that wish. Input images and clips are not uploaded: the simulator
/// makes the same kind of clip in every mode.
/// </summary>
public sealed class SimVideoProvider : IVideoProvider
{
    /// <summary>The provider's name in configuration, jobs and the API.</summary>
    public const string ProviderName = "sim";

    /// <summary>The provider's name as users read it.</summary>
    public const string Title = "Simulator (test provider)";

    private readonly ProviderClientFactory<SimApiClient> _clients;
    private readonly SimProviderOptions _options;
    private readonly ILogger<SimVideoProvider> _logger;

    /// <summary>Creates the provider.</summary>
    /// <param name="clients">A typed client per call.</param>
    /// <param name="options">Price and settings.</param>
    /// <param name="logger">Logger.</param>
    public SimVideoProvider(ProviderClientFactory<SimApiClient> clients, IOptions<SimProviderOptions> options, ILogger<SimVideoProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => ProviderName;

    /// <inheritdoc />
    public string DisplayName => Title;

    /// <summary>All three modes, all aspect ratios, prompts up to 2000 characters, clips up to 10 s.</summary>
    public ProviderCapabilities Capabilities { get; } = new(
        new HashSet<GenerationMode>(Enum.GetValues<GenerationMode>()),
        new HashSet<AspectRatio>(Enum.GetValues<AspectRatio>()),
        MaxPromptLength: 2000,
        MaxDuration: TimeSpan.FromSeconds(10))
    {
        FindsSubmissions = true,
    };

    /// <summary>One model, "sim", at <see cref="SimProviderOptions.PricePerSecondUsd"/> a second.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Prices => new Dictionary<string, ModelPrice> { [ProviderName] = ModelPrice.PerSecond(_options.PricePerSecondUsd) };

    /// <summary>The exact segment length.</summary>
    public ClipQuote Quote(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ClipQuote(ProviderName, string.Empty, request.Duration);
    }

    /// <inheritdoc />
    /// <remarks>Sends <see cref="GenerationRequest.Reference"/> as the client reference, for <see cref="FindSubmissionAsync"/>.</remarks>
    public async Task<string> SubmitAsync(GenerationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var size = request.Size;
        var created = await _clients.Create().CreateAsync(
            new SimCreateRequest(
                request.Prompt,
                SimModes.For(request.Mode),
                size.Width,
                size.Height,
                request.Duration.TotalSeconds,
                request.Reference,
                request.SegmentId),
            ct).ConfigureAwait(false);
        SimServerLog.Submitted(_logger, created.Id, request.SegmentId, request.Reference);
        return created.Id;
    }

    /// <inheritdoc />
    /// <remarks>An id the simulator does not know (it restarted) is a transient failure: the clip is made again.</remarks>
    public async Task<ProviderJobStatus> GetStatusAsync(string providerJobId, CancellationToken ct)
    {
        var generation = await _clients.Create().GetAsync(providerJobId, ct).ConfigureAwait(false);
        return generation is null
            ? ProviderJobStatus.Failed(StoredText.Of("{0} no longer knows this generation (it may have restarted); it will be made again.", Title), permanent: false)
            : ToStatus(generation);
    }

    /// <inheritdoc />
    public async Task DownloadAsync(string providerJobId, Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!await _clients.Create().DownloadAsync(providerJobId, destination, ct).ConfigureAwait(false))
        {
            throw new ProviderException(StoredText.Of("{0} no longer has this clip; it will be made again.", Title), isPermanent: false);
        }
    }

    /// <inheritdoc />
    /// <remarks>An id the simulator does not know is taken as already gone.</remarks>
    public Task CancelAsync(string providerJobId, CancellationToken ct) => _clients.Create().CancelAsync(providerJobId, ct);

    /// <inheritdoc />
    /// <remarks>The newest generation listed for the reference, whatever its state.</remarks>
    public async Task<string?> FindSubmissionAsync(string reference, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var found = await _clients.Create().ListAsync(reference, ct).ConfigureAwait(false);
        return found.Count == 0 ? null : found.MaxBy(g => g.CreatedAt)!.Id;
    }

    /// <summary>What a simulator generation means to Studio.</summary>
    internal static ProviderJobStatus ToStatus(SimGeneration generation) => generation.Status switch
    {
        SimStatuses.Queued => ProviderJobStatus.Queued,
        SimStatuses.Running => ProviderJobStatus.Running(generation.Progress),
        SimStatuses.Succeeded => ProviderJobStatus.Succeeded,
        // The provider's own words stay as written; our sentence when it gave none.
        SimStatuses.Cancelled => generation.Error?.Message is { } cancelled
            ? ProviderJobStatus.Failed(cancelled, permanent: true)
            : ProviderJobStatus.Failed(StoredText.Of("The generation was cancelled at the provider."), permanent: true),
        SimStatuses.Failed => generation.Error?.Message is { } failed
            ? ProviderJobStatus.Failed(failed, SimErrorCodes.IsPermanent(generation.Error?.Code))
            : ProviderJobStatus.Failed(StoredText.Of("{0} reported a failure without a reason.", Title), SimErrorCodes.IsPermanent(generation.Error?.Code)),
        _ => ProviderJobStatus.Failed(StoredText.Of("{0} reported an unknown status '{1}'.", Title, generation.Status), permanent: false),
    };

    private void Validate(GenerationRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            throw new ProviderException(StoredText.Of("The prompt is empty."), isPermanent: true);
        }

        if (request.Prompt.Length > Capabilities.MaxPromptLength)
        {
            throw new ProviderException(StoredText.Of("The prompt is longer than {0} characters.", Capabilities.MaxPromptLength), isPermanent: true);
        }

        if (request.Duration <= TimeSpan.Zero || request.Duration > Capabilities.MaxDuration)
        {
            throw new ProviderException(StoredText.Of("A simulator clip lasts more than 0 and at most {0} seconds.", Capabilities.MaxDuration.TotalSeconds), isPermanent: true);
        }
    }
}
