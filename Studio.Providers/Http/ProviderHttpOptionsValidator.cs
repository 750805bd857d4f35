using Microsoft.Extensions.Options;

namespace Studio.Providers.Http;

/// <summary>Checks one provider's <see cref="ProviderHttpOptions"/> for what attributes cannot: settings that must agree.</summary>
/// <param name="providerName">The provider (the named options) this validator checks; others are skipped.</param>
/// <param name="section">The configuration section the options come from, named in messages.</param>
public sealed class ProviderHttpOptionsValidator(string providerName, string section) : IValidateOptions<ProviderHttpOptions>
{
    /// <summary>The provider whose options this checks.</summary>
    public string ProviderName { get; } = providerName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ProviderHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(name, ProviderName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (options.TotalTimeout < options.AttemptTimeout)
        {
            failures.Add($"{section}:TotalTimeout ({options.TotalTimeout}) must be at least {section}:AttemptTimeout ({options.AttemptTimeout}).");
        }

        if (options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"{section}:MaxRetryDelay ({options.MaxRetryDelay}) must be at least {section}:RetryBaseDelay ({options.RetryBaseDelay}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
