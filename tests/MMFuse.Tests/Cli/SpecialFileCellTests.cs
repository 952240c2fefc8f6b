using System.Diagnostics;

namespace MMFuse.Tests.Cli;

/// <summary>A cell (or a manifest) naming a FIFO must be refused, not opened: opening one blocks until a writer appears.</summary>
public sealed class SpecialFileCellTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _manifest;

    public SpecialFileCellTests()
    {
        File.Copy(TestPaths.SampleImage, _dir.File("a.png"));
        MakeFifo("pipe.png");
        _manifest = _dir.Write("m.csv", "image,label\na.png,x\na.png,y\npipe.png,x\na.png,y\n");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Inspect_with_fail_names_the_row_and_does_not_block()
    {
        var (code, _, error) = RunGuarded("pipe.png", "inspect", _manifest, "--label", "label");
        Assert.Equal(2, code);
        Assert.Contains("row 3, column 'image': file is empty or not a regular file", error);
    }

    [Fact]
    public void Extract_with_skip_leaves_the_fifo_row_out_and_does_not_block()
    {
        var json = _dir.File("out/x.json");
        var (code, _, error) = RunGuarded("pipe.png", "extract", _manifest, "--label", "label", "--on-bad-row", "skip",
            "--image-features", "pixels", "--cache", _dir.File("cache"), "--json", json);
        Assert.True(code == 0, error);
        Assert.Contains("1 of 4 rows skipped", error);
        Assert.Contains("not a regular file", File.ReadAllText(_dir.File("out/bad-rows.csv")));
    }

    [Fact]
    public void A_cell_naming_dev_stdin_is_refused_without_reading_it()
    {
        var manifest = _dir.Write("stdin.csv", "image,label\na.png,x\na.png,y\n/dev/stdin,x\n");
        var (code, _, error) = RunGuarded("pipe.png", "inspect", manifest, "--label", "label", "--image", "image");
        Assert.Equal(2, code);
        Assert.Contains("row 3, column 'image': ", error);
        Assert.Contains("pipe, device or socket", error); // the test host's stdin may be a pipe, a tty or /dev/null
    }

    [Fact]
    public void A_fifo_given_as_the_manifest_is_refused_without_blocking()
    {
        MakeFifo("rows.csv");
        var (code, _, error) = RunGuarded("rows.csv", "inspect", _dir.File("rows.csv"), "--label", "label");
        Assert.Equal(2, code);
        Assert.Contains("not a regular file", error);
    }

    private void MakeFifo(string name)
    {
        using var mkfifo = Process.Start("mkfifo", _dir.File(name));
        mkfifo.WaitForExit();
    }

    /// <summary>Runs the CLI with a guard: a regression fails the test instead of hanging the suite.</summary>
    private (int Code, string Out, string Err) RunGuarded(string fifo, params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(args));
        if (!run.Wait(TimeSpan.FromSeconds(60)))
        {
            // Opening a FIFO read-write never blocks on Linux; closing it gives the stuck reader end-of-file.
            using (new FileStream(_dir.File(fifo), FileMode.Open, FileAccess.ReadWrite)) { }
            Assert.Fail("the command blocked on a FIFO");
        }
        return run.Result;
    }
}
