using Studio.Core.Common;

namespace Studio.Core.Providers;

/// <summary>
/// A provider is out of reach for a while (its circuit breaker is open, or it answers that it is overloaded):
/// nothing was started, and the orchestration may hand the segment to the job's fallback provider at once.
/// </summary>
public sealed class ProviderUnavailableException : ProviderException
{
    /// <summary>Creates the exception.</summary>
    public ProviderUnavailableException()
    {
        NothingStarted = true;
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public ProviderUnavailableException(string message)
        : base(message)
    {
        NothingStarted = true;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ProviderUnavailableException(string message, Exception innerException)
        : base(message, false, innerException)
    {
        NothingStarted = true;
    }

    /// <summary>Creates the exception with one of our sentences, and its cause if any.</summary>
    public ProviderUnavailableException(StoredText text, Exception? innerException = null)
        : base(text, false, innerException)
    {
        NothingStarted = true;
    }
}
