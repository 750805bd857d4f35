using Studio.Core.Common;
using Studio.Core.Providers;

namespace Studio.Providers.Pika;

/// <summary>
/// The three URLs fal returns for a queued request, kept exactly as returned (they drop the endpoint's sub-path, so they
/// cannot be rebuilt from the model id), and how they travel as Studio's provider job id: the <c>response_url</c> alone
/// when the other two are it plus <c>/status</c> and <c>/cancel</c> (fal's documented layout), else all three separated
/// by spaces (which a URL never holds).
/// </summary>
/// <param name="Response">Where the result is fetched.</param>
/// <param name="Status">Where the status is polled.</param>
/// <param name="Cancel">Where a cancellation is PUT.</param>
internal sealed record PikaRequestUrls(Uri Response, Uri Status, Uri Cancel)
{
    private const string StatusSuffix = "/status";
    private const string CancelSuffix = "/cancel";

    /// <summary>The provider job id: short when fal's layout is the documented one.</summary>
    public string ToJobId()
    {
        var response = Response.AbsoluteUri;
        return Status.AbsoluteUri == response + StatusSuffix && Cancel.AbsoluteUri == response + CancelSuffix
            ? response
            : $"{response} {Status.AbsoluteUri} {Cancel.AbsoluteUri}";
    }

    /// <summary>The URLs a job id stands for.</summary>
    /// <exception cref="ProviderException">Not a job id this provider made (permanent).</exception>
    public static PikaRequestUrls FromJobId(string jobId)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        var parts = jobId.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Uri? response = null, status = null, cancel = null;
        var read = parts.Length switch
        {
            1 => Uri.TryCreate(parts[0], UriKind.Absolute, out response)
                && Uri.TryCreate(parts[0] + StatusSuffix, UriKind.Absolute, out status)
                && Uri.TryCreate(parts[0] + CancelSuffix, UriKind.Absolute, out cancel),
            3 => Uri.TryCreate(parts[0], UriKind.Absolute, out response)
                && Uri.TryCreate(parts[1], UriKind.Absolute, out status)
                && Uri.TryCreate(parts[2], UriKind.Absolute, out cancel),
            _ => false,
        };
        return read
            ? new PikaRequestUrls(response!, status!, cancel!)
            : throw new ProviderException(StoredText.Of("'{0}' is not a {1} request.", jobId, PikaVideoProvider.Title), isPermanent: true);
    }
}
