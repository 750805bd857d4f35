using Microsoft.Extensions.Options;

namespace Studio.App.Hosting.Deployment;

/// <summary>
/// <c>Studio:Roles</c>: <c>Web</c>, <c>Worker</c> or <c>Web,Worker</c> (the default; also when empty). Anything else stops
/// the process at start with a message naming the setting and the values it takes.
/// </summary>
internal sealed class ProcessRoleOptions
{
    public const string Section = "Studio";
    public const string Key = Section + ":" + nameof(Roles);

    /// <summary>The roles as written, comma-separated. Default <c>Web,Worker</c>.</summary>
    public string Roles { get; set; } = "Web,Worker";

    /// <summary>The roles this process plays.</summary>
    public ProcessRoles Parsed => TryParse(Roles, out var roles, out var error) ? roles : throw new OptionsValidationException(Key, typeof(ProcessRoleOptions), [error!]);

    /// <summary>Reads and checks the setting while services are registered (which loops run depends on it).</summary>
    public static ProcessRoles Read(IConfiguration configuration) =>
        new ProcessRoleOptions { Roles = configuration[Key] ?? "Web,Worker" }.Parsed;

    /// <summary>Parses <c>Web</c>, <c>Worker</c>, <c>Web,Worker</c> (any case, any order, spaces allowed).</summary>
    public static bool TryParse(string? text, out ProcessRoles roles, out string? error)
    {
        roles = ProcessRoles.None;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            roles = ProcessRoles.Web | ProcessRoles.Worker;
            return true;
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (string.Equals(part, nameof(ProcessRoles.Web), StringComparison.OrdinalIgnoreCase))
            {
                roles |= ProcessRoles.Web;
            }
            else if (string.Equals(part, nameof(ProcessRoles.Worker), StringComparison.OrdinalIgnoreCase))
            {
                roles |= ProcessRoles.Worker;
            }
            else
            {
                roles = ProcessRoles.None;
                error = $"{Key} is '{text}': '{part}' is not a role. Use Web, Worker or Web,Worker (the default).";
                return false;
            }
        }

        return true;
    }
}
