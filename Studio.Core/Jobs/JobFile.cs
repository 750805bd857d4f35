namespace Studio.Core.Jobs;

/// <summary>An open output file of a job; the caller disposes <see cref="Content"/>.</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">Its MIME type.</param>
/// <param name="DownloadName">A file name for the user's disk.</param>
public sealed record JobFile(Stream Content, string ContentType, string DownloadName);
