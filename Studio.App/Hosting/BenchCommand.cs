using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Studio.Core.Accounts;
using Studio.Core.Events;
using Studio.Core.Jobs;
using Studio.Core.Media;
using Studio.Core.Templates;

namespace Studio.App.Hosting;

/// <summary>
/// <c>dotnet run -c Release --project Studio.App -- bench quick-video [runs]</c>: times a Reels 30s job on the local
/// provider end to end (worker, FFmpeg, SQLite) beside one bare FFmpeg encode of 30 s of 1080×1920 video, in a
/// throw-away data folder, and prints the figures.
/// </summary>
internal static class BenchCommand
{
    private const string Admin = "bench@studio.local";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "bench";

    /// <summary>Points the host at a throw-away data folder before it is built.</summary>
    public static void Configure(WebApplicationBuilder builder)
    {
        var folder = Path.Combine(Path.GetTempPath(), "studio-bench", Guid.NewGuid().ToString("N"));
        builder.Configuration["Studio:DataDirectory"] = folder;
        builder.Configuration["Studio:Bootstrap:AdminEmail"] = Admin;
        builder.Configuration["Studio:Bootstrap:AdminPassword"] = "Bench-Pass-1234!";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length > 1 && args[1] == "assembly")
        {
            return await AssemblyBench.RunAsync(app, args);
        }

        if (args.Length < 2 || args[1] != "quick-video")
        {
            Console.Error.WriteLine("Usage: bench quick-video [runs] | bench assembly [runs]");
            return 2;
        }

        var runs = args.Length > 2 && int.TryParse(args[2], CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 1, 10) : 3;
        await app.PrepareStudioAsync(announce: false);
        await app.StartAsync();
        try
        {
            var engine = app.Services.GetRequiredService<IMediaEngine>();
            var reference = new List<double>();
            var jobs = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                reference.Add(await ReferenceEncodeAsync(engine, app.Services.GetRequiredService<Core.Storage.StudioPaths>()));
                jobs.Add(await QuickVideoAsync(app.Services));
            }

            var r = Median(reference);
            var j = Median(jobs);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}");
            Console.WriteLine($"reference ffmpeg encode, 30 s 1080x1920 testsrc2, libx264 veryfast: median {r:0.00} s ({Join(reference)})");
            Console.WriteLine($"quick video, Reels 30s Standard on local, end to end:           median {j:0.00} s ({Join(jobs)})");
            Console.WriteLine($"ratio: {j / r:0.00}x (goal: at most 2.00x)");
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<double> ReferenceEncodeAsync(IMediaEngine engine, Core.Storage.StudioPaths paths)
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
        string userId;
        await using (var scope = services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<StudioUser>>().FindByEmailAsync(Admin))!.Id;
        }

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

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)));
}
