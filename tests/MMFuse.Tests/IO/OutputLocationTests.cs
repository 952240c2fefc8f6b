using MMFuse.Data;
using MMFuse.IO;

namespace MMFuse.Tests.IO;

/// <summary>An output that cannot be written is bad input naming the user's path, never a temporary file's. Tests run
/// as root, which ignores permissions, so failures come from a regular file in the way or from /proc.</summary>
public sealed class OutputLocationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Refused(Action action, string path)
    {
        var message = Assert.Throws<MMFuseInputException>(action).Message;
        Assert.Contains($"cannot write '{path}'", message);
        Assert.DoesNotContain(".tmp", message);
        return message;
    }

    [Fact]
    public void Output_under_a_regular_file_is_refused_up_front()
    {
        var blocker = _dir.Write("blocker", "x");
        var path = Path.Combine(blocker, "sub", "model.mmf");
        Assert.Contains($"'{blocker}' is a file, not a folder", Refused(() => OutputLocation.Check(path), path));
    }

    [Fact]
    public void Output_in_a_folder_that_takes_no_files_is_refused_up_front()
    {
        var path = $"/proc/mmfuse-{Guid.NewGuid():N}.mmf";
        Assert.Contains("does not accept new files", Refused(() => OutputLocation.Check(path), path));
    }

    [Fact]
    public void Output_that_is_a_folder_is_refused()
    {
        Assert.Contains("it is a folder", Refused(() => OutputLocation.Check(_dir.Path), _dir.Path));
    }

    [Fact]
    public void Atomic_write_failure_names_the_users_path_not_the_temporary_file()
    {
        var path = $"/proc/mmfuse-{Guid.NewGuid():N}.csv";
        Refused(() => AtomicFile.WriteAllText(path, "a,b\n"), path);
    }

    [Fact]
    public void Check_of_a_writable_location_leaves_nothing_behind()
    {
        var path = _dir.File("out/sub/model.mmf");
        OutputLocation.Check(path, null);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir.File("out/sub")));
    }
}
