namespace Studio.Core.Media;

/// <summary>One FFmpeg run: inputs, an optional filter graph, output options, one output file.</summary>
/// <param name="Inputs">The inputs, in order (<c>0:v</c> is the first one's video).</param>
/// <param name="FilterGraph">A <c>-filter_complex</c> graph, or null.</param>
/// <param name="OutputOptions">Options for the output, one token each (maps, codecs, <c>-t</c>…).</param>
/// <param name="OutputFile">Where to write.</param>
/// <param name="ExpectedDuration">Length of the output, to turn FFmpeg's time into progress.</param>
public sealed record MediaJob(
    IReadOnlyList<MediaInput> Inputs,
    string? FilterGraph,
    IReadOnlyList<string> OutputOptions,
    string OutputFile,
    TimeSpan ExpectedDuration);
