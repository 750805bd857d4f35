using System.Diagnostics.CodeAnalysis;

// The folder path names the namespace (house style); "Shared" is a Visual Basic keyword, but these components are
// consumed from Razor and C# only. The rule fires here and not for Components.Shared because its other types are
// internal or generated.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Scope = "namespace", Target = "~N:Studio.App.Components.Shared.Assets", Justification = "Razor/C# only; the folder path names the namespace.")]
