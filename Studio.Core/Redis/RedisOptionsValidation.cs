using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Studio.Core.Redis;

/// <summary>Refuses a <see cref="RedisOptions.Connection"/> that StackExchange.Redis cannot read, at start.</summary>
internal sealed class RedisOptionsValidation : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(options.Connection!);
            return parsed.EndPoints.Count > 0
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{RedisOptions.Section}:Connection names no server.");
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"{RedisOptions.Section}:Connection cannot be read: {ex.Message}");
        }
    }
}
