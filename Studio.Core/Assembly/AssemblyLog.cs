using Microsoft.Extensions.Logging;

namespace Studio.Core.Assembly;

/// <summary>Log messages of the assembler.</summary>
internal static partial class AssemblyLog
{
    [LoggerMessage(LogLevel.Information, "Joining {ClipCount} uniform clips by stream copy into {OutputFile}")]
    public static partial void StreamCopy(ILogger logger, int clipCount, string outputFile);

    [LoggerMessage(LogLevel.Information, "Re-encoding {ClipCount} clips into {OutputFile}: {Reason}")]
    public static partial void Reencode(ILogger logger, int clipCount, string outputFile, string reason);

    [LoggerMessage(LogLevel.Information, "Assembled {OutputFile}: {Seconds} s, stream copy {StreamCopied}")]
    public static partial void Assembled(ILogger logger, string outputFile, double seconds, bool streamCopied);

    [LoggerMessage(LogLevel.Information, "Mix measured at {IntegratedLufs} LUFS, true peak {TruePeakDbtp} dBTP; gain {GainDb} dB")]
    public static partial void Loudness(ILogger logger, double integratedLufs, double truePeakDbtp, double gainDb);
}
