using System.Diagnostics;
using MMFuse.IO;

namespace MMFuse.Tests.IO;

/// <summary>A write into a folder removes temporary files that killed runs left there, and nothing else.</summary>
public sealed class StaleTempFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    private string Leftover(int pid) => _dir.Write($".m.mmf.{pid}.{Guid.NewGuid():N}.tmp", "half a model");

    [Fact]
    public void Write_removes_leftovers_of_dead_or_day_old_runs_and_keeps_everything_else()
    {
        var dead = Leftover(DeadProcessId());
        var dayOld = Leftover(Environment.ProcessId);
        File.SetLastWriteTimeUtc(dayOld, DateTime.UtcNow.AddDays(-2));
        var live = Leftover(Environment.ProcessId); // another write of this very process, still under way
        var unrelated = new[]
        {
            _dir.Write("notes.txt", "mine"),
            _dir.Write(".m.mmf.tmp", "not our naming"),
            _dir.Write($".m.mmf.{DeadProcessId()}.tmp", "no guid"),
            _dir.Write($"m.mmf.{DeadProcessId()}.{Guid.NewGuid():N}.tmp", "not hidden"),
        };

        AtomicFile.WriteAllText(_dir.File("m.mmf"), "model");

        Assert.False(File.Exists(dead), "the dead run's leftover is still there");
        Assert.False(File.Exists(dayOld), "the day-old leftover is still there");
        Assert.True(File.Exists(live));
        Assert.All(unrelated, path => Assert.True(File.Exists(path), path));
        Assert.Equal("model", File.ReadAllText(_dir.File("m.mmf")));
    }
}
