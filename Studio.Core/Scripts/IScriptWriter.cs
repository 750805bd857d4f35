namespace Studio.Core.Scripts;

/// <summary>Turns a theme and a template into a storyboard: a hook, a visual prompt and a narration line per segment, a call to action.</summary>
public interface IScriptWriter
{
    /// <summary>Writes a storyboard with exactly one scene per segment of the request's template.</summary>
    /// <exception cref="ScriptWriterException">No usable storyboard could be written (the message says why, for the user).</exception>
    Task<Storyboard> WriteAsync(ScriptRequest request, CancellationToken ct);
}
