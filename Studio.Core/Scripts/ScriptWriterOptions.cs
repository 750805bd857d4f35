using System.ComponentModel.DataAnnotations;

namespace Studio.Core.Scripts;

/// <summary>Which script writer drafts storyboards, under <c>Studio:ScriptWriter</c>.</summary>
public sealed class ScriptWriterOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Studio:ScriptWriter";

    /// <summary>The offline writer's name.</summary>
    public const string Offline = "offline";

    /// <summary>The OpenAI-compatible chat model's name (configured under <c>Studio:ScriptWriter:Chat</c>).</summary>
    public const string Chat = "chat";

    /// <summary>"offline" (deterministic, no network) or "chat". Default "offline".</summary>
    [Required]
    [RegularExpression("^(offline|chat)$")]
    public string Engine { get; set; } = Offline;
}
