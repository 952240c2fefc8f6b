using MMFuse.Data;
using MMFuse.Data.Leakage;
using MMFuse.Evaluation;
using MMFuse.Features.Extraction;

namespace MMFuse.Tests.Evaluation;

public sealed class ContentKeysTests
{
    /// <summary>40 rows; rows 30–39 repeat the text of rows 0–9, and row 5's image is row 4's bytes under another name.</summary>
    private static (FeatureTable Table, TempDirectory Dir) Table()
    {
        var dir = new TempDirectory();
        File.Copy(TestPaths.SampleImage, dir.File("a.png"));
        File.Copy(TestPaths.SampleImage, dir.File("b.png"));
        var lines = Enumerable.Range(0, 40).Select(i => $"{i},{(i == 5 ? "b.png" : i == 4 ? "a.png" : "")},caption number {(i >= 30 ? i - 30 : i)},{(i % 2 == 0 ? "x" : "y")}");
        var path = dir.Write("m.csv", "id,image,text,label\n" + string.Join("\n", lines) + "\n");
        return (FeatureTable.Load(Manifest.Open(path), new SchemaOptions { Label = "label" }, BadRowPolicy.Fail), dir);
    }

    [Fact]
    public void Rows_with_the_same_text_or_file_bytes_across_a_fold_are_counted_and_warned()
    {
        var (table, dir) = Table();
        using var _ = dir;
        var keys = ContentKeys.Of(table, Enumerable.Range(0, 40).ToArray());
        var split = new Fold(0, 0, Enumerable.Range(0, 30).ToArray(), Enumerable.Range(30, 10).ToArray());
        var warning = keys.FoldOverlap([split]);
        Assert.NotNull(warning);
        Assert.Equal(("text", DataWarningKinds.DuplicateRows), (warning.Column, warning.Kind));
        Assert.Contains("10 of 10 test rows", warning.Detail);

        // A test part whose content appears nowhere in its training part: nothing is said.
        var clean = new Fold(0, 0, [.. Enumerable.Range(0, 5), .. Enumerable.Range(6, 34)], [5]);
        Assert.NotNull(keys.FoldOverlap([clean])); // row 5's image is row 4's bytes
        Assert.Null(keys.FoldOverlap([new Fold(0, 0, [.. Enumerable.Range(0, 10), .. Enumerable.Range(14, 16)], [10, 11, 12, 13])]));
    }

    [Fact]
    public void First_of_each_keeps_one_row_per_repeated_content()
    {
        var (table, dir) = Table();
        using var _ = dir;
        var keep = ContentKeys.Of(table, Enumerable.Range(0, 40).ToArray()).FirstOfEach();
        Assert.Equal([.. Enumerable.Range(0, 5), .. Enumerable.Range(6, 24)], keep);
    }
}
