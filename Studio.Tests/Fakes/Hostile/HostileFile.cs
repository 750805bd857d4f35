namespace Studio.Tests.Fakes.Hostile;

/// <summary>The file inside a hostile request: its bytes and the name it claims, for senders other than HTTP (the upload component).</summary>
/// <param name="Bytes">Makes the file's bytes (fresh for each send).</param>
/// <param name="FileName">The name the file is sent with.</param>
public sealed record HostileFile(Func<Task<byte[]>> Bytes, string FileName);
