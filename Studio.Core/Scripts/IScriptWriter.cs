namespace Studio.Core.Scripts;

/// <summary>Turns a theme and a template into a storyboard: a hook, a visual prompt and a narration line per segment, a call to action.</summary>
public interface IScriptWriter
{
    /// <summary>Writes a storyboard with exactly one scene per segment of the request's template.</summary>
    /// <exception cref="ScriptWriterException">No usable storyboard could be written (the message says why, for the user).</exception>
    Task<Storyboard> WriteAsync(ScriptRequest request, CancellationToken ct);

    /// <summary>Name shown in the spending ledger (e.g. "chat"). Default "offline".</summary>
    string Name => "offline";

    /// <summary>True when a hosted model writes (and bills) the storyboard. Default false.</summary>
    bool IsHosted => false;
}
