using Microsoft.Extensions.Options;

namespace Studio.App.Hosting.Deployment;

/// <summary>Refuses an unknown role at start (<c>ValidateOnStart</c>), with the same message as <see cref="ProcessRoleOptions.Read"/>.</summary>
internal sealed class ProcessRoleOptionsValidator : IValidateOptions<ProcessRoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ProcessRoleOptions options) =>
        ProcessRoleOptions.TryParse(options.Roles, out _, out var error) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error!);
}
