using Studio.Core.Common;

namespace Studio.Core.Templates;

/// <summary>How a template command ended.</summary>
public enum TemplateOutcome
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>No template in use has that id.</summary>
    NotFound,

    /// <summary>Only its author or an admin may change it.</summary>
    Forbidden,

    /// <summary>Some value is wrong; see the errors.</summary>
    Invalid,
}

/// <summary>The outcome of a template command, with the template or the errors.</summary>
public sealed record TemplateResult(TemplateOutcome Outcome, VideoTemplate? Template, ValidationErrors? Errors)
{
    /// <summary>No such template.</summary>
    public static TemplateResult NotFound { get; } = new(TemplateOutcome.NotFound, null, null);

    internal static TemplateResult Done(VideoTemplate template) => new(TemplateOutcome.Done, template, null);

    internal static TemplateResult Forbidden(VideoTemplate template) => new(TemplateOutcome.Forbidden, template, null);

    internal static TemplateResult Invalid(ValidationErrors errors) => new(TemplateOutcome.Invalid, null, errors);
}
