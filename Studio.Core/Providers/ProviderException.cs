namespace Studio.Core.Providers;

/// <summary>A provider refused a request or could not be reached.</summary>
public class ProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProviderException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public ProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception, saying whether trying again could help.</summary>
    public ProviderException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    /// <summary>True when trying again would fail the same way (bad request, refused content, bad key).</summary>
    public bool IsPermanent { get; }

    /// <summary>
    /// True when the provider certainly started nothing (it refused the call: rate limited, overloaded, unreachable):
    /// a submission that failed so need not be looked up before trying again.
    /// </summary>
    public bool NothingStarted { get; init; }
}
