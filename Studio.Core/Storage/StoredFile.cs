namespace Studio.Core.Storage;

/// <summary>A file to hand to a user: where it is stored, what it is and the name it downloads as.</summary>
public sealed record StoredFile(string Key, string ContentType, string DownloadName);
