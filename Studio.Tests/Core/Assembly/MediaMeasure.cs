using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Studio.Tests.Core.Assembly;

/// <summary>Measures outputs with FFmpeg's own tools: ffprobe for streams, ebur128 for loudness, raw frame grabs for pixels.</summary>
public static partial class MediaMeasure
{
    /// <summary>Integrated loudness (LUFS) and true peak (dBTP) of a file's sound, from FFmpeg's ebur128 summary.</summary>
    public static async Task<(double IntegratedLufs, double TruePeakDbtp)> LoudnessAsync(string file)
    {
        var (_, stderr) = await RunAsync("ffmpeg", "-hide_banner", "-nostats", "-i", file, "-map", "0:a:0", "-filter:a", "ebur128=peak=true", "-f", "null", "-");
        var summary = stderr[stderr.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        var integrated = double.Parse(Integrated().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture);
        var peak = double.Parse(Peak().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture);
        return (integrated, peak);
    }

    /// <summary>Number of video frames (packets read) and the audio stream's duration.</summary>
    public static async Task<(int VideoFrames, double VideoSeconds, double AudioSeconds)> StreamsAsync(string file)
    {
        var (frames, _) = await RunAsync("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets", "-show_entries", "stream=nb_read_packets,duration", "-of", "csv=p=0", file);
        var (audio, _) = await RunAsync("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=duration", "-of", "csv=p=0", file);
        var video = frames.Trim().Split(',');
        return (int.Parse(video[1], CultureInfo.InvariantCulture), double.Parse(video[0], CultureInfo.InvariantCulture), double.Parse(audio.Trim(), CultureInfo.InvariantCulture));
    }

    /// <summary>One frame at <paramref name="seconds"/> as 8-bit grey pixels, row by row.</summary>
    public static async Task<byte[]> GreyFrameAsync(string file, double seconds, int width, int height)
    {
        var output = Path.Combine(Path.GetTempPath(), $"frame-{Guid.NewGuid():N}.gray");
        try
        {
            await RunAsync("ffmpeg", "-v", "error", "-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", file, "-frames:v", "1",
                "-vf", $"scale={width}:{height},format=gray", "-f", "rawvideo", "-y", output);
            return await File.ReadAllBytesAsync(output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Runs a tool and returns its standard output and error; throws when it fails.</summary>
    public static async Task<(string Stdout, string Stderr)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {await stderr}");
        }

        return (await stdout, await stderr);
    }

    [GeneratedRegex(@"I:\s+(-?[\d.]+) LUFS")]
    private static partial Regex Integrated();

    [GeneratedRegex(@"Peak:\s+(-?[\d.]+|-inf) dBFS")]
    private static partial Regex Peak();
}
