using System.Text.Json.Nodes;

namespace MMFuse.Tests.Cli;

public sealed class InspectCommandTests
{
    [Fact]
    public void Json_has_rows_columns_and_label_in_the_documented_shape()
    {
        using var dir = new TempDirectory();
        var json = dir.File("out.json");
        var (code, output, error) = CliRunner.Run("inspect", Path.Combine(TestPaths.SharedDatasets, "emoji", "emoji.csv"), "--label", "category", "--json", json);
        Assert.True(code == 0, error);
        Assert.Contains("image", output);

        var doc = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(1906, doc["rows"]!.GetValue<long>());
        var columns = doc["columns"]!.AsArray();
        var image = columns.Single(c => c!["name"]!.GetValue<string>() == "image")!;
        Assert.Equal("image", image["role"]!.GetValue<string>());
        Assert.Equal(0, image["missing"]!.GetValue<long>());
        Assert.Equal(1906, image["distinct"]!.GetValue<long>());
        var roles = columns.Select(c => c!["role"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "image", "text", "numeric", "label" }, roles);
        var label = doc["label"]!;
        Assert.Equal("category", label["name"]!.GetValue<string>());
        Assert.Equal("multiclass", label["task"]!.GetValue<string>());
        Assert.Equal(270, label["classes"]!["Flags"]!.GetValue<long>());
    }

    [Fact]
    public void A_missing_image_file_exits_2_naming_row_and_column()
    {
        using var dir = new TempDirectory();
        File.Copy(TestPaths.SampleImage, dir.File("a.png"));
        var manifest = dir.Write("m.csv", "image,label\na.png,x\na.png,y\nmissing.png,x\n");
        var (code, _, error) = CliRunner.Run("inspect", manifest, "--label", "label");
        Assert.Equal(2, code);
        Assert.Contains("row 3, column 'image': file not found", error);
        Assert.DoesNotContain("   at ", error); // no stack trace for a user's mistake
    }

    [Fact]
    public void Skip_writes_bad_rows_beside_the_output_and_says_how_many()
    {
        using var dir = new TempDirectory();
        File.Copy(TestPaths.SampleImage, dir.File("a.png"));
        var manifest = dir.Write("m.csv", "image,label\na.png,x\na.png,y\nmissing.png,x\na.png,\n");
        var json = dir.File("out/inspect.json");
        var (code, _, error) = CliRunner.Run("inspect", manifest, "--label", "label", "--on-bad-row", "skip", "--json", json);
        Assert.True(code == 0, error);
        Assert.Contains("2 of 4 rows skipped", error);
        var report = File.ReadAllLines(dir.File("out/bad-rows.csv"));
        Assert.Equal(3, report.Length);
        Assert.StartsWith("3,4,image,skipped,file not found", report[1]);
        Assert.Equal(2, JsonNode.Parse(File.ReadAllText(json))!["rows"]!.GetValue<long>());
    }

    [Fact]
    public void A_cell_naming_another_readable_file_names_the_expected_formats_never_its_contents()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("data"));
        File.Copy(TestPaths.SampleImage, dir.File("data/a.png"));
        dir.Write("shadow", "root:*:20000:0:99999:7:::\n");
        var manifest = dir.Write("data/m.csv", "image,label\na.png,x\na.png,y\n../shadow,x\n");
        var (code, _, error) = CliRunner.Run("inspect", manifest, "--label", "label", "--image", "image");
        Assert.Equal(2, code);
        Assert.Contains("row 3, column 'image': ", error);
        Assert.Contains("expected PNG, JPEG, GIF, BMP or WebP", error);
        AssertNoContents(error);

        (code, _, error) = CliRunner.Run("inspect", manifest, "--label", "label", "--image", "image", "--on-bad-row", "skip", "--json", dir.File("out/i.json"));
        Assert.True(code == 0, error);
        AssertNoContents(File.ReadAllText(dir.File("out/bad-rows.csv")));
    }

    private static void AssertNoContents(string text)
    {
        Assert.DoesNotContain("root:", text);
        Assert.DoesNotContain(Convert.ToHexString("root:*:2"u8), text);
        Assert.DoesNotContain("first bytes", text);
    }

    [Theory]
    [InlineData("inspect")]                                    // no manifest
    [InlineData("inspect", "m.csv", "--bogus")]               // unknown option
    [InlineData("inspect", "does-not-exist.csv")]             // missing manifest
    [InlineData("inspect", "{samples}", "--label", "nope")]   // unknown label column
    [InlineData("inspect", "{samples}", "--text", "nope")]    // unknown override column
    [InlineData("inspect", "{samples}", "--on-bad-row", "sometimes")]
    [InlineData("frobnicate")]
    public void Usage_and_input_errors_exit_2_with_a_message(params string[] args)
    {
        var resolved = args.Select(a => a == "{samples}" ? TestPaths.Samples("emoji", "emoji.csv") : a).ToArray();
        var (code, _, error) = CliRunner.Run(resolved);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void Overrides_take_several_columns_at_once()
    {
        using var dir = new TempDirectory();
        var json = dir.File("o.json");
        var (code, _, error) = CliRunner.Run("inspect", TestPaths.Samples("emoji", "emoji.csv"), "--label", "category",
            "--ignore", "text", "subcategory", "--categorical", "has_skin_tones,codepoints", "--json", json);
        Assert.True(code == 0, error);
        var roles = JsonNode.Parse(File.ReadAllText(json))!["columns"]!.AsArray()
            .ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["role"]!.GetValue<string>());
        Assert.Equal("ignore", roles["text"]);
        Assert.Equal("ignore", roles["subcategory"]);
        Assert.Equal("categorical", roles["has_skin_tones"]);
        Assert.Equal("categorical", roles["codepoints"]);
    }

    [Fact]
    public void The_report_written_by_the_cli_names_flags_in_its_data_warnings()
    {
        using var dir = new TempDirectory();
        var report = dir.File("r.html");
        var (code, _, error) = CliRunner.Run("evaluate", TestPaths.Samples("emoji", "emoji.csv"), "--label", "category", "--fusion", "early",
            "--image-features", "pixels", "--text-features", "tfidf", "--cv", "2", "--cache", dir.File("cache"), "--report", report);
        Assert.True(code == 0, error);
        var warnings = File.ReadAllText(report).Split("Data warnings")[1].Split("</table>")[0];
        Assert.Contains("--ignore subcategory", warnings);
        Assert.DoesNotContain("DatasetOptions", warnings);
    }

    [Fact]
    public void A_leaking_column_is_warned_on_stderr_and_in_the_json_and_strict_exits_2()
    {
        using var dir = new TempDirectory();
        var json = dir.File("out.json");
        var emoji = TestPaths.Samples("emoji", "emoji.csv");

        var (code, _, error) = CliRunner.Run("inspect", emoji, "--label", "category", "--json", json);
        Assert.True(code == 0, error);
        Assert.Contains("warning: column 'subcategory' (label-leak)", error);
        var warning = JsonNode.Parse(File.ReadAllText(json))!["warnings"]!.AsArray().Single(w => w!["kind"]!.GetValue<string>() == "label-leak")!;
        Assert.Equal("subcategory", warning["column"]!.GetValue<string>());
        Assert.Contains("--ignore subcategory", warning["detail"]!.GetValue<string>());

        var (strictCode, _, strictError) = CliRunner.Run("inspect", emoji, "--label", "category", "--strict");
        Assert.Equal(2, strictCode);
        Assert.Contains("--strict", strictError);
        Assert.Contains("subcategory", strictError);

        var (cleanCode, _, cleanError) = CliRunner.Run("inspect", emoji, "--label", "category", "--ignore", "subcategory", "--strict");
        Assert.True(cleanCode == 0, cleanError);
        Assert.DoesNotContain("label-leak", cleanError);
    }
}
