using Microsoft.Extensions.Diagnostics.HealthChecks;
using Studio.Core.Storage;

namespace Studio.App.Hosting.Health;

/// <summary>
/// Files can be written: a few bytes go through the file store (whatever it is: the data folder, S3) and are read back
/// and removed, and a scratch file is written in this process's scratch folder, where FFmpeg and uploads write first.
/// </summary>
internal sealed class FileStoreHealthCheck(IFileStore store, StudioPaths paths, TimeProvider time) : CachedHealthCheck(time)
{
    private static readonly byte[] Probe = "studio health probe"u8.ToArray();

    protected override string FailureDescription => "Files cannot be written to the file store or the scratch folder.";

    protected override async Task<HealthCheckResult> ProbeAsync(CancellationToken ct)
    {
        var scratch = paths.NewTempFile(".probe");
        try
        {
            await File.WriteAllBytesAsync(scratch, Probe, ct);
        }
        finally
        {
            File.Delete(scratch);
        }

        var key = $"health/probe-{Guid.NewGuid():N}";
        var stored = false;
        try
        {
            await store.PutAsync(key, new MemoryStream(Probe), ct);
            stored = true;
            await using var read = await store.OpenReadAsync(key, ct);
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy, ct);
            if (!copy.ToArray().AsSpan().SequenceEqual(Probe))
            {
                return HealthCheckResult.Unhealthy("The file store gave back other bytes than were written.");
            }
        }
        finally
        {
            if (stored)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
        }

        return HealthCheckResult.Healthy("Files can be written and read back.");
    }
}
