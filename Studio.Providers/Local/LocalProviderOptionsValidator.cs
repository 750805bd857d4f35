using Microsoft.Extensions.Options;

namespace Studio.Providers.Local;

/// <summary>Checks at start what attributes cannot: that the font file is there.</summary>
public sealed class LocalProviderOptionsValidator : IValidateOptions<LocalProviderOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LocalProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return File.Exists(options.FontFile)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{LocalProviderOptions.Section}:FontFile: the font file '{options.FontFile}' does not exist. " +
                "Install Debian's fonts-dejavu-core package or point the setting at a TrueType font.");
    }
}
