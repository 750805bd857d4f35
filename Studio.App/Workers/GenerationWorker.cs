using Studio.Core.Orchestration;

namespace Studio.App.Workers;

/// <summary>The hosted service that runs this process's worker loop (<see cref="WorkerLoop"/>); all the rules live in Core.</summary>
internal sealed class GenerationWorker(WorkerLoop loop) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => loop.RunAsync(WorkerLoop.NewWorkerId(), stoppingToken);
}
