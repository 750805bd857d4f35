using System.Diagnostics;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Media;
using Studio.Core.Storage;
using Studio.Core.Templates;

namespace Studio.App.Hosting.Bench;

/// <summary>
/// <c>bench quick-video [runs]</c>: times a Reels 30s job on the local provider end to end (worker, FFmpeg, SQLite)
/// beside one bare FFmpeg encode of 30 s of 1080×1920 video.
/// </summary>
internal static class QuickVideoBench
{
    public static async Task<int> RunAsync(IServiceProvider services, int runs)
    {
        var engine = services.GetRequiredService<IMediaEngine>();
        var reference = new List<double>();
        var jobs = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            reference.Add(await ReferenceEncodeAsync(engine, services.GetRequiredService<StudioPaths>()));
            jobs.Add(await QuickVideoAsync(services));
        }

        var r = BenchCommand.Median(reference);
        var j = BenchCommand.Median(jobs);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}");
        Console.WriteLine($"reference ffmpeg encode, 30 s 1080x1920 testsrc2, libx264 veryfast: median {r:0.00} s ({BenchCommand.Join(reference)})");
        Console.WriteLine($"quick video, Reels 30s Standard on local, end to end:           median {j:0.00} s ({BenchCommand.Join(jobs)})");
        Console.WriteLine($"ratio: {j / r:0.00}x (goal: at most 2.00x)");
        return 0;
    }

    private static async Task<double> ReferenceEncodeAsync(IMediaEngine engine, StudioPaths paths)
    {
        var output = paths.NewTempFile(".mp4");
        var watch = Stopwatch.StartNew();
        await engine.RunAsync(
            new MediaJob(
                [MediaInput.Lavfi("testsrc2=size=1080x1920:rate=30:duration=30")],
                null,
                ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p"],
                output,
                TimeSpan.FromSeconds(30)),
            null,
            CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        File.Delete(output);
        return seconds;
    }

    private static async Task<double> QuickVideoAsync(IServiceProvider services)
    {
        var userId = await BenchCommand.AdminIdAsync(services);

        var jobs = services.GetRequiredService<JobService>();
        var created = await jobs.CreateAsync(userId, new CreateJobCommand("Bench", "3 Django tips for beginners", DefaultTemplates.Reels30), CancellationToken.None);
        var id = created.Job!.Id;
        var finished = services.GetRequiredService<IJobEvents>().WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(5));
        var watch = Stopwatch.StartNew();
        await jobs.StartAsync(userId, id, CancellationToken.None);
        var status = await finished;
        var seconds = watch.Elapsed.TotalSeconds;
        if (status != JobStatus.Completed)
        {
            throw new InvalidOperationException($"The bench job ended {status}: {(await jobs.GetAsync(userId, id, CancellationToken.None))?.Error}");
        }

        return seconds;
    }
}
