using Microsoft.EntityFrameworkCore;
using Studio.Core.Events;
using Studio.Core.Persistence;
using Studio.Core.Segments;

namespace Studio.Core.Orchestration;

/// <summary>
/// A segment a worker holds for one step. Every write is conditional on the version the worker last wrote (optimistic
/// concurrency): if anyone else changed the row — a take-over after the lease ran out, a cancel, a regeneration — the
/// write fails with <see cref="LeaseLostException"/> and the worker stops. Writes and lease renewals take turns.
/// </summary>
internal sealed class HeldSegment(Segment segment, GenerationContext job, IDbContextFactory<StudioDbContext> dbFactory, DatabaseWriteGate writes, IJobEvents events, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Segment Segment => segment;

    public GenerationContext Job => job;

    /// <summary>Applies <paramref name="change"/>, saves it under the held version and announces it.</summary>
    public Task WriteAsync(Action<Segment> change, CancellationToken ct, bool announce = true) =>
        WriteAsync(
            s =>
            {
                change(s);
                return null;
            },
            ct,
            announce);

    /// <summary>
    /// Applies <paramref name="change"/>, saves it (with the entity it returns, if any: a take, a cost entry) under the
    /// held version and announces it. <paramref name="alongside"/>, when given, runs in the same transaction after the
    /// save (a clip's reservation given back in the write that books its charge). Default none.
    /// </summary>
    public async Task WriteAsync(Func<Segment, object?> change, CancellationToken ct, bool announce = true, Func<StudioDbContext, CancellationToken, Task>? alongside = null)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        var changedAt = time.GetUtcNow();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct).ConfigureAwait(false);
            using var turn = await writes.EnterAsync(ct).ConfigureAwait(false);
            db.Segments.Attach(segment);
            if (change(segment) is { } added)
            {
                db.Add(added);
            }

            await db.SaveChangesAlongsideAsync(alongside, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new LeaseLostException($"Segment {segment.Index + 1} of job {job.JobId} was changed by someone else.", ex);
        }
        finally
        {
            _gate.Release();
        }

        if (announce)
        {
            await events.PublishAsync(new JobChanged(job.JobId, job.OwnerId, job.Status, segment.Index, changedAt), CancellationToken.None).ConfigureAwait(false);
        }
    }

    public void Dispose() => _gate.Dispose();
}
