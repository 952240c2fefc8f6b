using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using MMFuse.Bundle;
using MMFuse.Data;

namespace MMFuse.Tests.Bundle;

public sealed class ModelBundleWriterTests
{
    [Fact]
    public void Written_file_loads_back_with_equal_manifest_and_payloads()
    {
        using var temp = new TempDirectory();
        var path = temp.File("model.mmf");
        var written = BundleSamples.Writer().Write(path);

        var bundle = ModelBundle.Load(path);
        var expected = BundleSamples.Manifest();
        var loaded = bundle.Manifest;
        Assert.Equal(path, bundle.Path);
        Assert.Equal(ModelManifest.CurrentFormatVersion, loaded.FormatVersion);
        Assert.Equal(ModelManifest.CurrentLibraryVersion, loaded.LibraryVersion);
        Assert.False(string.IsNullOrEmpty(loaded.LibraryVersion));
        Assert.Equal(expected.CreatedUtc, loaded.CreatedUtc);
        Assert.Equal(expected.Schema.Label, loaded.Schema.Label);
        Assert.Equal(expected.Schema.Task, loaded.Schema.Task);
        Assert.Equal(expected.Schema.Columns, loaded.Schema.Columns);
        Assert.Equal(expected.Extractors, loaded.Extractors);
        Assert.Equal(expected.LabelMap, loaded.LabelMap);
        Assert.Equal(expected.Seed, loaded.Seed);
        Assert.Equal(expected.TrainingMetrics.OrderBy(m => m.Key), loaded.TrainingMetrics.OrderBy(m => m.Key));
        Assert.Equal(expected.Preprocessing.Keys, loaded.Preprocessing.Keys);
        foreach (var (block, node) in expected.Preprocessing)
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(node, loaded.Preprocessing[block]), block);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected.Fusion, loaded.Fusion));
        Assert.Equal(written.Payloads, loaded.Payloads);
        // And as a whole: serialising the loaded manifest reproduces the written one.
        Assert.Equal(ManifestJson.Serialize(written), ManifestJson.Serialize(loaded));

        Assert.Equal(BundleSamples.Weights, bundle.PayloadBytes("predictor/weights.bin").ToArray());
        using var reader = new StreamReader(bundle.OpenPayload("caption/tfidf.json"));
        Assert.Equal(BundleSamples.Vocabulary, reader.ReadToEnd());
    }

    [Fact]
    public void Payload_list_records_kind_length_and_sha256_of_each_entry()
    {
        using var temp = new TempDirectory();
        var written = BundleSamples.Writer().Write(temp.File("m.mmf"));
        var vocabulary = Encoding.UTF8.GetBytes(BundleSamples.Vocabulary);
        Assert.Equal(
            [
                new PayloadEntry("predictor/weights.bin", "test-weights", Convert.ToHexStringLower(SHA256.HashData(BundleSamples.Weights)), 5000),
                new PayloadEntry("caption/tfidf.json", "tfidf-vocabulary", Convert.ToHexStringLower(SHA256.HashData(vocabulary)), vocabulary.Length),
            ],
            written.Payloads);
    }

    [Fact]
    public void Model_json_is_snake_case_with_named_enums()
    {
        using var temp = new TempDirectory();
        var path = temp.File("m.mmf");
        BundleSamples.Writer().Write(path);
        var json = Encoding.UTF8.GetString(BundleSamples.ReadEntry(path, "model.json"));
        foreach (var field in new[] { "format_version", "library_version", "created_utc", "schema", "extractors", "model_hash",
                     "preprocessing", "fusion", "label_map", "seed", "training_metrics", "payloads", "sha256", "bytes" })
            Assert.Contains($"\"{field}\":", json);
        Assert.Contains("\"task\": \"multiclass\"", json);
        Assert.Contains("\"modality\": \"image\"", json);
        Assert.Contains("\"roc_auc\": \"NaN\"", json);
        Assert.DoesNotContain("\r", json);
    }

    [Fact]
    public void Same_inputs_give_byte_identical_files_with_fixed_timestamps_and_order()
    {
        using var temp = new TempDirectory();
        BundleSamples.Writer().Write(temp.File("a.mmf"));
        BundleSamples.Writer().Write(temp.File("b.mmf"));
        Assert.Equal(File.ReadAllBytes(temp.File("a.mmf")), File.ReadAllBytes(temp.File("b.mmf")));

        using var zip = ZipFile.OpenRead(temp.File("a.mmf"));
        Assert.Equal(["predictor/weights.bin", "caption/tfidf.json", "model.json", "integrity.json"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));

        // Changing any input changes the bytes.
        new ModelBundleWriter(BundleSamples.Manifest() with { Seed = 18 }).Write(temp.File("c.mmf"));
        new ModelBundleWriter(BundleSamples.Manifest()).Write(temp.File("d.mmf"));
        Assert.NotEqual(File.ReadAllBytes(temp.File("c.mmf")), File.ReadAllBytes(temp.File("d.mmf")));
    }

    [Fact]
    public void Failing_payload_writer_leaves_no_file_and_an_existing_file_untouched()
    {
        using var temp = new TempDirectory();
        var path = temp.File("model.mmf");
        ModelBundleWriter Failing() => BundleSamples.Writer().AddPayload("late.bin", "x", stream =>
        {
            stream.Write(new byte[100_000]);
            throw new InvalidOperationException("disk on fire");
        });

        Assert.Equal("disk on fire", Assert.Throws<InvalidOperationException>(() => Failing().Write(path)).Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));

        BundleSamples.Writer().Write(path);
        var before = File.ReadAllBytes(path);
        Assert.Throws<InvalidOperationException>(() => Failing().Write(path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.EnumerateFileSystemEntries(temp.Path));
        ModelBundle.Load(path);
    }

    [Theory]
    [InlineData("model.json")]
    [InlineData("MODEL.JSON")]
    [InlineData("integrity.json")]
    [InlineData("../escape.bin")]
    [InlineData("/absolute.bin")]
    [InlineData("a\\b.bin")]
    [InlineData("")]
    [InlineData("dir/")]
    public void Bad_payload_names_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => new ModelBundleWriter(BundleSamples.Manifest()).AddPayload(name, "k", [1]));

    [Fact]
    public void Duplicate_payload_names_are_refused()
    {
        var writer = new ModelBundleWriter(BundleSamples.Manifest()).AddPayload("p/a.bin", "k", [1]);
        Assert.Throws<ArgumentException>(() => writer.AddPayload("P/A.bin", "k", [2]));
    }

    [Fact]
    public void Caller_payload_list_is_replaced_by_the_written_one()
    {
        using var temp = new TempDirectory();
        var manifest = BundleSamples.Manifest() with { Payloads = [new PayloadEntry("ghost", "k", "00", 1)], FormatVersion = 7 };
        var written = new ModelBundleWriter(manifest).AddPayload("real.bin", "k", [1, 2, 3]).Write(temp.File("m.mmf"));
        Assert.Equal(["real.bin"], written.Payloads.Select(p => p.Name));
        Assert.Equal(ModelManifest.CurrentFormatVersion, written.FormatVersion);
        Assert.Equal(new byte[] { 1, 2, 3 }, ModelBundle.Load(temp.File("m.mmf")).PayloadBytes("real.bin").ToArray());
    }

    [Fact]
    public void Schema_comes_from_a_dataset_schema()
    {
        var dataset = new DatasetSchema(
            [new ColumnSchema("x", 0, ColumnRole.Numeric, "numbers"), new ColumnSchema("y", 1, ColumnRole.Label, "named")],
            "y", TaskKind.Regression);
        var schema = ManifestSchema.From(dataset);
        Assert.Equal([new ManifestColumn("x", ColumnRole.Numeric), new ManifestColumn("y", ColumnRole.Label)], schema.Columns);
        Assert.Equal("y", schema.Label);
        Assert.Equal(TaskKind.Regression, schema.Task);
    }
}
