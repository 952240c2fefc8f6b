namespace MMFuse.Tests.Data.Readers;

public sealed class JsonLinesManifestReaderTests
{
    [Fact]
    public void Keys_from_every_row_become_columns_and_values_keep_their_text()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("m.jsonl",
            "{\"id\": 1, \"text\": \"a \\\"quoted\\\" word\", \"x\": 0.5}\n" +
            "\n" +
            "{\"id\": 2, \"x\": 1e-3, \"flag\": true, \"extra\": null}\n");
        var (columns, rows) = ManifestRows.ReadAll(path);
        Assert.Equal(["id", "text", "x", "flag", "extra"], columns);
        ManifestRows.AssertValues(rows[0].Values, "1", "a \"quoted\" word", "0.5", null, null);
        ManifestRows.AssertValues(rows[1].Values, "2", null, "1e-3", "true", null);
        Assert.Equal(2, rows[1].Number);
        Assert.Equal(3, rows[1].Line);
    }

    [Fact]
    public void A_line_that_is_not_a_json_object_is_flagged_with_its_row()
    {
        using var dir = new TempDirectory();
        var (_, rows) = ManifestRows.ReadAll(dir.Write("m.jsonl", "{\"a\": 1}\n{\"a\": \n[1, 2]\n"));
        Assert.Null(rows[0].StructuralError);
        Assert.Contains("not valid JSON", rows[1].StructuralError);
        Assert.Equal("is not a JSON object", rows[2].StructuralError);
    }

    [Fact]
    public void Json_lines_and_csv_of_the_same_table_read_the_same()
    {
        using var dir = new TempDirectory();
        var csv = dir.Write("m.csv", "id,label,x\nr1,cat,1.5\nr2,dog,\n");
        var jsonl = dir.Write("m.jsonl", "{\"id\":\"r1\",\"label\":\"cat\",\"x\":1.5}\n{\"id\":\"r2\",\"label\":\"dog\",\"x\":null}\n");
        var (csvColumns, csvRows) = ManifestRows.ReadAll(csv);
        var (jsonColumns, jsonRows) = ManifestRows.ReadAll(jsonl);
        Assert.Equal(csvColumns, jsonColumns);
        Assert.Equal(csvRows.Select(r => r.Values), jsonRows.Select(r => r.Values));
    }

    [Fact]
    public void Text_that_is_not_utf8_names_the_line_it_is_on()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.jsonl");
        File.WriteAllBytes(path, [.. "{\"a\":1}\n\n{\"a\":2}\n{\"a\":\"caf"u8, 0xE9, .. "\"}\n"u8]);
        var error = Assert.Throws<MMFuse.Data.MMFuseInputException>(() => ManifestRows.ReadAll(path));
        Assert.StartsWith("line 4: the manifest is not valid UTF-8", error.Message);
    }
}
