using Microsoft.Extensions.Options;

namespace Studio.Providers.Sim;

/// <summary>Checks at start what attributes cannot: that <see cref="SimProviderOptions.BaseUrl"/>, when set, is an http(s) address.</summary>
public sealed class SimProviderOptionsValidator : IValidateOptions<SimProviderOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SimProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            return ValidateOptionsResult.Success;
        }

        return Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{SimProviderOptions.Section}:BaseUrl: '{options.BaseUrl}' is not an http or https address. " +
                "Leave it empty to let Studio start its own simulator.");
    }
}
