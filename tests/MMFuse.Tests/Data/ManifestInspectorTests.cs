using MMFuse.Data;

namespace MMFuse.Tests.Data;

public sealed class ManifestInspectorTests
{
    /// <summary>A folder with one real image and clip, one fake image and one empty clip, and a manifest using them.</summary>
    private sealed class Fixture : IDisposable
    {
        private readonly TempDirectory _dir = new();

        public Fixture()
        {
            Directory.CreateDirectory(_dir.File("media"));
            File.Copy(TestPaths.SampleImage, _dir.File("media/good.png"));
            File.Copy(TestPaths.SampleClip, _dir.File("media/good.wav"));
            _dir.Write("media/fake.png", "this is text, not a picture");
            File.WriteAllBytes(_dir.File("media/empty.wav"), []);
        }

        public string Manifest(params string[] rows) =>
            _dir.Write("m.csv", "id,image,audio,size,label\n" + string.Join("\n", rows) + "\n");

        public string Folder => _dir.Path;

        public void Dispose() => _dir.Dispose();
    }

    private static readonly string[] GoodRows =
    [
        "1,media/good.png,media/good.wav,1.5,cat",
        "2,media/good.png,media/good.wav,2,dog",
        "3,media/good.png,media/good.wav,3,cat",
        "4,media/good.png,media/good.wav,4,dog",
    ];

    private static InspectionResult Inspect(string path, BadRowPolicy policy = BadRowPolicy.Fail) =>
        ManifestInspector.Inspect(Manifest.Open(path), new SchemaOptions { Label = "label" }, policy);

    private static string FailMessage(Fixture fixture, string badRow) =>
        Assert.Throws<MMFuseInputException>(() => Inspect(fixture.Manifest([.. GoodRows, badRow]))).Message;

    [Fact]
    public void A_clean_manifest_passes_with_counts()
    {
        using var fixture = new Fixture();
        var result = Inspect(fixture.Manifest(GoodRows));
        Assert.Equal(4, result.RowsKept);
        Assert.Equal(0, result.RowsSkipped);
        Assert.Equal([new("cat", 2), new("dog", 2)], result.Label!.Classes);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_missing_file_names_row_column_and_path()
    {
        using var fixture = new Fixture();
        var message = FailMessage(fixture, "5,media/nope.png,media/good.wav,5,cat");
        Assert.Contains("row 5, column 'image': file not found: ", message);
        Assert.Contains(Path.Combine(fixture.Folder, "media", "nope.png"), message);
    }

    [Fact]
    public void A_file_whose_header_does_not_match_its_type_is_reported()
    {
        using var fixture = new Fixture();
        var message = FailMessage(fixture, "5,media/fake.png,media/good.wav,5,cat");
        Assert.Contains("row 5, column 'image':", message);
        Assert.Contains("is not a recognised image file", message);
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        using var fixture = new Fixture();
        Assert.Contains("row 5, column 'audio': file is empty", FailMessage(fixture, "5,media/good.png,media/empty.wav,5,cat"));
    }

    [Fact]
    public void A_value_that_is_not_a_number_in_a_numeric_column_is_reported()
    {
        using var fixture = new Fixture();
        // 20 good numbers make the column numeric despite the one bad value.
        var rows = Enumerable.Range(1, 20).Select(i => $"{i},media/good.png,media/good.wav,{i},{(i % 2 == 0 ? "cat" : "dog")}").ToList();
        rows.Add("21,media/good.png,media/good.wav,big,cat");
        var message = Assert.Throws<MMFuseInputException>(() => Inspect(fixture.Manifest([.. rows]))).Message;
        Assert.Contains("row 21, column 'size': 'big' is not a number", message);
    }

    [Fact]
    public void An_empty_label_is_reported()
    {
        using var fixture = new Fixture();
        Assert.Contains("row 5, column 'label': the label is empty", FailMessage(fixture, "5,media/good.png,media/good.wav,5,"));
    }

    [Fact]
    public void A_duplicate_id_names_the_first_row_with_that_id()
    {
        using var fixture = new Fixture();
        Assert.Contains("row 5, column 'id': duplicate id '2' (first seen at row 2)", FailMessage(fixture, "2,media/good.png,media/good.wav,5,cat"));
    }

    [Fact]
    public void A_class_with_one_example_is_a_warning_not_an_error()
    {
        using var fixture = new Fixture();
        var result = Inspect(fixture.Manifest([.. GoodRows, "5,media/good.png,media/good.wav,5,bird"]));
        Assert.Equal(5, result.RowsKept);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("class 'bird'", warning);
        Assert.Contains("row 5", warning);
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        using var fixture = new Fixture();
        var message = Assert.Throws<MMFuseInputException>(() => Inspect(fixture.Manifest(
            [.. GoodRows, "5,media/nope.png,media/good.wav,5,cat", "6,media/good.png,media/good.wav,6,"]))).Message;
        Assert.Contains("2 problem(s) in 2 row(s)", message);
        Assert.Contains("row 5", message);
        Assert.Contains("row 6", message);
    }

    [Fact]
    public void Skip_leaves_bad_rows_out_and_counts_them()
    {
        using var fixture = new Fixture();
        var result = Inspect(fixture.Manifest([.. GoodRows, "5,media/nope.png,media/good.wav,5,cat", "6,media/good.png,media/good.wav,6,"]), BadRowPolicy.Skip);
        Assert.Equal(6, result.RowsRead);
        Assert.Equal(4, result.RowsKept);
        Assert.Equal(2, result.RowsSkipped);
        Assert.Equal([5L, 6L], result.SkippedRows.Select(i => i.Row));
        Assert.Equal(0, result.Columns[1].Missing);
    }

    [Fact]
    public void Missing_keeps_rows_with_bad_files_as_absent_but_skips_rows_without_a_label()
    {
        using var fixture = new Fixture();
        var rows = new List<string?[]>();
        var result = ManifestInspector.Inspect(
            Manifest.Open(fixture.Manifest([.. GoodRows, "5,media/nope.png,media/good.wav,5,cat", "6,media/good.png,media/good.wav,6,"])),
            new SchemaOptions { Label = "label" }, BadRowPolicy.Missing, row => rows.Add(row.Values));
        Assert.Equal(5, result.RowsKept);
        Assert.Equal(1, result.RowsSkipped);
        var madeMissing = Assert.Single(result.MissingCells);
        Assert.Equal((5L, "image"), (madeMissing.Row, madeMissing.Column));
        Assert.Equal(1, result.Columns[1].Missing);
        Assert.Null(rows[4][1]);
        Assert.Equal(1, result.InvalidCells["image"]);
    }

    [Fact]
    public void Bad_rows_report_is_csv_with_reasons()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad-rows.csv");
        BadRowsReport.Write(path, [new DataIssue(3, 4, "text", "has, a comma")], [new DataIssue(7, 8, "image", "file not found")]);
        Assert.Equal("row,line,column,action,reason\n3,4,text,skipped,\"has, a comma\"\n7,8,image,missing,file not found\n", File.ReadAllText(path));
    }
}
