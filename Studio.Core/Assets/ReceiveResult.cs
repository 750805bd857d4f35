namespace Studio.Core.Assets;

/// <summary>A received file ready to store, or why it was refused (then nothing is left in scratch).</summary>
/// <param name="Upload">The received file; null when refused.</param>
/// <param name="Refusal">Why it was refused; null when received.</param>
public sealed record ReceiveResult(ReceivedUpload? Upload, UploadRefusal? Refusal);
