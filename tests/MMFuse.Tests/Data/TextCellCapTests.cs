using MMFuse.Data;
using MMFuse.Features.Extraction;
using MMFuse.Tests.Cli;

namespace MMFuse.Tests.Data;

/// <summary>Text cells longer than the cap reach no extractor in full, and every cut is said.</summary>
public sealed class TextCellCapTests
{
    private static readonly Dictionary<ColumnRole, IReadOnlyList<string>> TextColumn = new() { [ColumnRole.Text] = ["note"] };

    [Fact]
    public void A_cell_over_the_default_cap_is_cut_and_counted()
    {
        using var dir = new TempDirectory();
        var huge = new string('w', SchemaOptions.DefaultMaxTextChars + 5);
        var manifest = dir.Write("m.csv", $"note,label\nshort text,a\n{huge},b\nother words,a\n{huge},b\n");
        var table = FeatureTable.Load(Manifest.Open(manifest), new SchemaOptions { Label = "label", Overrides = TextColumn }, BadRowPolicy.Fail);

        Assert.Equal(SchemaOptions.DefaultMaxTextChars, table.Values["note"][1]!.Length);
        Assert.Equal(SchemaOptions.DefaultMaxTextChars, table.Cells["note"][3].Text!.Length);
        Assert.Equal("short text", table.Cells["note"][0].Text);
        var note = Assert.Single(table.Inspection.Warnings);
        Assert.Contains($"column 'note': 2 text cell(s) longer than {SchemaOptions.DefaultMaxTextChars} characters were cut", note);
        Assert.Contains("first at row 2", note);
    }

    [Fact]
    public void The_cap_never_splits_a_surrogate_pair()
    {
        using var dir = new TempDirectory();
        var manifest = dir.Write("m.csv", "note,label\nab\U0001F600cd,a\nxyz,b\n");
        var table = FeatureTable.Load(Manifest.Open(manifest), new SchemaOptions { Label = "label", Overrides = TextColumn, MaxTextChars = 3 }, BadRowPolicy.Fail);
        Assert.Equal("ab", table.Values["note"][0]);
    }

    [Fact]
    public void The_cli_option_sets_the_cap_and_the_cut_is_said_on_stderr()
    {
        using var dir = new TempDirectory();
        var rows = Enumerable.Range(0, 6).Select(i => $"{(i == 2 ? string.Join(' ', Enumerable.Repeat("word", 100)) : $"text number {i}")},{i % 2}");
        var manifest = dir.Write("m.csv", "note,label\n" + string.Join('\n', rows) + "\n");
        var (code, _, error) = CliRunner.Run("extract", manifest, "--label", "label", "--text", "note", "--text-features", "tfidf",
            "--max-text-chars", "50", "--cache", dir.File("cache"), "--json", dir.File("x.json"));
        Assert.True(code == 0, error);
        Assert.Contains("column 'note': 1 text cell(s) longer than 50 characters were cut", error);

        (code, _, error) = CliRunner.Run("extract", manifest, "--label", "label", "--max-text-chars", "0");
        Assert.Equal(2, code);
        Assert.Contains("--max-text-chars", error);
    }
}
