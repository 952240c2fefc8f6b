using MMFuse.Data;

namespace MMFuse.Tests.Data;

public sealed class OddFileCellsTests
{
    /// <summary>Ten rows of real media files, with <paramref name="oddRows"/> (1-based) pointing at a text file instead.</summary>
    private static string WriteManifest(TempDirectory dir, string column, string source, string extension, params int[] oddRows)
    {
        File.Copy(source, dir.File("good" + extension));
        dir.Write("notes.txt", "not media");
        var rows = Enumerable.Range(1, 10).Select(r => $"{r},{(oddRows.Contains(r) ? "notes.txt" : "good" + extension)},{(r % 2 == 0 ? "a" : "b")}");
        return dir.Write("m.csv", $"id,{column},label\n" + string.Join("\n", rows) + "\n");
    }

    private static InspectionResult Inspect(string path, BadRowPolicy policy) =>
        ManifestInspector.Inspect(Manifest.Open(path), new SchemaOptions { Label = "label" }, policy);

    [Fact]
    public void One_odd_cell_keeps_the_image_role_and_is_named_in_a_warning()
    {
        using var dir = new TempDirectory();
        var result = Inspect(WriteManifest(dir, "picture", TestPaths.SampleImage, ".png", 7), BadRowPolicy.Skip);
        Assert.Equal(ColumnRole.Image, result.Schema["picture"].Role);
        var warning = Assert.Single(result.Warnings, w => w.Contains("column 'picture'"));
        Assert.Contains("9 of 10 values are image file names", warning);
        Assert.Contains("row 7", warning);
        Assert.Equal(1, result.RowsSkipped);
        Assert.Equal(7, Assert.Single(result.SkippedRows).Row);
    }

    [Fact]
    public void One_odd_cell_keeps_the_audio_role_and_is_named_in_a_warning()
    {
        using var dir = new TempDirectory();
        var result = Inspect(WriteManifest(dir, "clip", TestPaths.SampleClip, ".wav", 3), BadRowPolicy.Missing);
        Assert.Equal(ColumnRole.Audio, result.Schema["clip"].Role);
        Assert.Contains(result.Warnings, w => w.Contains("column 'clip' is read as audio") && w.Contains("row 3"));
        Assert.Equal(3, Assert.Single(result.MissingCells).Row);
    }

    [Fact]
    public void Under_fail_the_error_names_the_odd_row_and_why_the_column_is_image()
    {
        using var dir = new TempDirectory();
        var path = WriteManifest(dir, "picture", TestPaths.SampleImage, ".png", 2, 9);
        var message = Assert.Throws<MMFuseInputException>(() => Inspect(path, BadRowPolicy.Fail)).Message;
        Assert.Contains("row 2, column 'picture'", message);
        Assert.Contains("row 9, column 'picture'", message);
        Assert.Contains("8 of 10 values are image file names; 2 are not (rows 2, 9)", message);
    }

    [Fact]
    public void A_column_of_mostly_other_values_is_not_an_image_column()
    {
        using var dir = new TempDirectory();
        var result = Inspect(WriteManifest(dir, "picture", TestPaths.SampleImage, ".png", 1, 2, 3, 4, 5, 6), BadRowPolicy.Skip);
        Assert.NotEqual(ColumnRole.Image, result.Schema["picture"].Role);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("read as image"));
    }
}
