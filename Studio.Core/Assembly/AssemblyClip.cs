namespace Studio.Core.Assembly;

/// <summary>One clip of the cut, in timeline order.</summary>
/// <param name="File">Path of the clip on local disk.</param>
/// <param name="Duration">Exactly how long it lasts in the cut; longer clips are trimmed to it.</param>
public sealed record AssemblyClip(string File, TimeSpan Duration);
