using MMFuse.Data;
using Parquet;
using Parquet.Schema;

namespace MMFuse.Tests.Data.Readers;

public sealed class ParquetManifestReaderTests
{
    [Fact]
    public async Task Typed_columns_read_back_as_invariant_text_across_row_groups()
    {
        using var dir = new TempDirectory();
        var path = dir.File("m.parquet");
        var id = new DataField<string>("id");
        var score = new DataField<double?>("score");
        var count = new DataField<int>("count");
        var flag = new DataField<bool>("flag");
        await using (var file = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, score, count, flag), file);
            await WriteGroup(writer, ["a", "b"], [0.25, null], [1, 2], [true, false]);
            await WriteGroup(writer, ["c"], [1e-7], [3], [true]);

            async Task WriteGroup(ParquetWriter w, string[] ids, double?[] scores, int[] counts, bool[] flags)
            {
                using var group = w.CreateRowGroup();
                await group.WriteAsync(id, ids);
                await group.WriteAsync(score, new ReadOnlyMemory<double?>(scores));
                await group.WriteAsync(count, new ReadOnlyMemory<int>(counts));
                await group.WriteAsync(flag, new ReadOnlyMemory<bool>(flags));
            }
        }

        var (columns, rows) = ManifestRows.ReadAll(path);
        Assert.Equal(["id", "score", "count", "flag"], columns);
        Assert.Equal(3, rows.Count);
        ManifestRows.AssertValues(rows[0].Values, "a", "0.25", "1", "true");
        ManifestRows.AssertValues(rows[1].Values, "b", null, "2", "false");
        ManifestRows.AssertValues(rows[2].Values, "c", "1E-07", "3", "true");
        Assert.Equal(3, rows[2].Number);
    }

    [Fact]
    public async Task The_emoji_sample_as_parquet_infers_the_same_schema_as_its_csv()
    {
        using var dir = new TempDirectory();
        var csvPath = TestPaths.Samples("emoji", "emoji.csv");
        var (columns, rows) = ManifestRows.ReadAll(csvPath);
        var path = dir.File("emoji.parquet");
        var fields = columns.Select(c => new DataField<string>(c)).ToArray();
        await using (var file = File.Create(path))
        {
            await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), file);
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++)
                await group.WriteAsync(fields[c], rows.Select(r => r.Values[c]).ToArray());
        }
        var (parquetColumns, parquetRows) = ManifestRows.ReadAll(path);
        Assert.Equal(columns, parquetColumns);
        Assert.Equal(rows.Select(r => r.Values), parquetRows.Select(r => r.Values));

        var options = new SchemaOptions { Label = "category" };
        var fromCsv = SchemaInferrer.Infer(Manifest.Open(csvPath), options).Schema;
        var fromParquet = SchemaInferrer.Infer(Manifest.Open(path), options).Schema;
        Assert.Equal(fromCsv.Columns.Select(c => c.Role), fromParquet.Columns.Select(c => c.Role));
    }

    [Fact]
    public void A_file_that_is_not_parquet_is_a_clear_input_error()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("fake.parquet", "id,label\n1,a\n");
        var error = Assert.Throws<MMFuseInputException>(() => ManifestRows.ReadAll(path));
        Assert.Contains("not a readable Parquet file", error.Message);
    }
}
