using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Studio.Core;
using Studio.Core.Storage;

namespace Studio.Tests.Core.Storage;

public sealed class ScratchSweeperTests : IDisposable
{
    private readonly TempFolder _root = new();
    private readonly StudioPaths _paths;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public ScratchSweeperTests() =>
        _paths = new StudioPaths(Options.Create(new StudioOptions { DataDirectory = "data" }), new TestHostEnvironment(_root.Path));

    public void Dispose()
    {
        _paths.Dispose();
        _root.Dispose();
    }

    [Fact]
    public void Sweep_RemovesOnlyFilesLeftAloneLongEnough_AndTheFoldersTheyEmpty()
    {
        var stale = Write("local/abc/render.mp4", TimeSpan.FromDays(2));
        var fresh = Write("local/def/render.mp4", TimeSpan.FromMinutes(5));
        var staleTop = Write("orphan.mp4", TimeSpan.FromHours(7));
        Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(stale)!, _time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(2));

        var removed = new ScratchSweeper(_paths, _time, NullLogger<ScratchSweeper>.Instance).Sweep();

        removed.Should().Be(2);
        File.Exists(stale).Should().BeFalse();
        File.Exists(staleTop).Should().BeFalse();
        File.Exists(fresh).Should().BeTrue("work in progress is never touched");
        Directory.Exists(Path.GetDirectoryName(stale)).Should().BeFalse();
        Directory.Exists(Path.GetDirectoryName(fresh)).Should().BeTrue();
    }

    [Fact]
    public void Sweep_RemovesTheScratchFolderOfAProcessThatDied_AtOnce()
    {
        var dead = Path.Combine(_paths.TempDirectory, "p999999-deadbeefdeadbeef");
        Directory.CreateDirectory(Path.Combine(dead, "local", "r1"));
        File.WriteAllText(Path.Combine(dead, StudioPaths.ScratchLockFile), "");
        File.WriteAllText(Path.Combine(dead, "half-written.mp4"), "partial");
        File.WriteAllText(Path.Combine(dead, "local", "r1", "render.mp4"), "partial");

        var removed = new ScratchSweeper(_paths, _time, NullLogger<ScratchSweeper>.Instance).Sweep();

        removed.Should().Be(2, "a dead process's half-written files go however fresh they are");
        Directory.Exists(dead).Should().BeFalse();
        Directory.Exists(_paths.ScratchDirectory).Should().BeTrue("the sweeping process keeps its own folder");
    }

    [Fact]
    public void Sweep_LeavesTheScratchFolderOfALivingProcess_HoweverOld()
    {
        using var other = new StudioPaths(Options.Create(new StudioOptions { DataDirectory = "data" }), new TestHostEnvironment(_root.Path));
        var old = Path.Combine(other.ScratchDirectory, "long-render.mp4");
        File.WriteAllText(old, "x");
        File.SetLastWriteTimeUtc(old, _time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(3));
        File.SetLastWriteTimeUtc(Path.Combine(other.ScratchDirectory, StudioPaths.ScratchLockFile), _time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(3));

        var removed = new ScratchSweeper(_paths, _time, NullLogger<ScratchSweeper>.Instance).Sweep();

        removed.Should().Be(0);
        File.Exists(old).Should().BeTrue();
        File.Exists(Path.Combine(other.ScratchDirectory, StudioPaths.ScratchLockFile)).Should().BeTrue();
    }

    private string Write(string relative, TimeSpan age)
    {
        var path = Path.Combine(_paths.TempDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        File.SetLastWriteTimeUtc(path, _time.GetUtcNow().UtcDateTime - age);
        return path;
    }
}
