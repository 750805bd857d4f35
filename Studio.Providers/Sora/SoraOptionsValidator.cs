using Microsoft.Extensions.Options;

namespace Studio.Providers.Sora;

/// <summary>Checks what attributes cannot: the 1024p sizes exist for sora-2-pro models only.</summary>
internal sealed class SoraOptionsValidator : IValidateOptions<SoraOptions>
{
    public ValidateOptionsResult Validate(string? name, SoraOptions options) =>
        options.Resolution == SoraOptions.Resolution1024 && !options.IsPro
            ? ValidateOptionsResult.Fail($"{SoraOptions.Section}:Resolution 1024p needs a sora-2-pro model; {SoraOptions.Section}:Model is '{options.Model}'.")
            : ValidateOptionsResult.Success;
}
