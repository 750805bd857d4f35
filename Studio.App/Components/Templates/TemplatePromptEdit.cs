namespace Studio.App.Components.Templates;

/// <summary>A default prompt typed into the template editor.</summary>
/// <param name="Index">The segment, from 0.</param>
/// <param name="Prompt">What was typed.</param>
public sealed record TemplatePromptEdit(int Index, string Prompt);
