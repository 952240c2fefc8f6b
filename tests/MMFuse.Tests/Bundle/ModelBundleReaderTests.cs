using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using MMFuse.Bundle;
using MMFuse.Data;

namespace MMFuse.Tests.Bundle;

/// <summary>Every way a model file can be wrong ends in an <see cref="MMFuseInputException"/> that names the file.</summary>
public sealed class ModelBundleReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _path;

    public ModelBundleReaderTests()
    {
        _path = _temp.File("model.mmf");
        BundleSamples.Writer().Write(_path);
    }

    public void Dispose() => _temp.Dispose();

    private static string Rejected(string path) => BundleSamples.Refused(path);

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void Truncated_file_is_rejected(double keep)
    {
        var bytes = File.ReadAllBytes(_path);
        File.WriteAllBytes(_path, bytes[..(int)(bytes.Length * keep)]);
        Assert.Contains("not a valid MMFuse model file (truncated or damaged)", Rejected(_path));
    }

    [Fact]
    public void Last_byte_missing_is_rejected()
    {
        var bytes = File.ReadAllBytes(_path);
        File.WriteAllBytes(_path, bytes[..^1]);
        Assert.Contains("not a valid MMFuse model file (truncated or damaged)", Rejected(_path));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Flipped_byte_inside_a_payload_is_rejected_naming_the_entry(double where)
    {
        const string entry = "predictor/weights.bin";
        var size = BundleSamples.CompressedSize(_path, entry);
        var bytes = File.ReadAllBytes(_path);
        bytes[BundleSamples.DataOffset(bytes, entry) + (int)(size * where)] ^= 0x10;
        File.WriteAllBytes(_path, bytes);
        var message = Rejected(_path);
        Assert.Contains("not a valid MMFuse model file", message);
        Assert.Contains($"'{entry}'", message);
    }

    [Fact]
    public void Payload_replaced_in_a_well_formed_zip_fails_its_sha256()
    {
        var tampered = BundleSamples.Weights.ToArray();
        tampered[1234] ^= 1;
        BundleSamples.Rewrite(_path, "predictor/weights.bin", tampered);
        Assert.Contains("payload 'predictor/weights.bin' does not match its SHA-256", Rejected(_path));
    }

    [Fact]
    public void Payload_of_another_length_is_rejected()
    {
        BundleSamples.Rewrite(_path, "caption/tfidf.json", Encoding.UTF8.GetBytes(BundleSamples.Vocabulary + " "));
        Assert.Contains("payload 'caption/tfidf.json' holds", Rejected(_path));
    }

    [Fact]
    public void Missing_payload_is_rejected()
    {
        using (var zip = ZipFile.Open(_path, ZipArchiveMode.Update))
            zip.GetEntry("caption/tfidf.json")!.Delete();
        Assert.Contains("payload 'caption/tfidf.json' is missing", Rejected(_path));
    }

    [Fact]
    public void Unlisted_entry_is_rejected()
    {
        BundleSamples.Rewrite(_path, "extra.bin", [1, 2, 3]);
        Assert.Contains("entry 'extra.bin' is not listed", Rejected(_path));
    }

    [Fact]
    public void Newer_format_version_is_rejected_with_upgrade_advice()
    {
        var json = JsonNode.Parse(BundleSamples.ReadEntry(_path, "model.json"))!;
        json["format_version"] = ModelManifest.CurrentFormatVersion + 1;
        json["schema"] = "a shape this version cannot read";
        BundleSamples.Rewrite(_path, "model.json", Encoding.UTF8.GetBytes(json.ToJsonString()));
        Assert.Contains($"model file format {ModelManifest.CurrentFormatVersion + 1} is newer than this MMFuse " +
            $"(supports up to {ModelManifest.CurrentFormatVersion}); upgrade", Rejected(_path));
    }

    [Theory]
    [InlineData("""{"seed": 1}""", "has no valid format_version")]
    [InlineData("""{"format_version": 0}""", "has no valid format_version")]
    [InlineData("""{"format_version": "1"}""", "has no valid format_version")]
    [InlineData("""[1, 2]""", "has no valid format_version")]
    [InlineData("""{"format_version": 2, "created_utc": "2026-01-01T00:00:00Z"}""", "model.json is malformed")]
    [InlineData("""{"format_version": 2""", "model.json is not valid JSON")]
    public void Malformed_model_json_is_rejected(string json, string expected)
    {
        BundleSamples.RewriteManifest(_path, Encoding.UTF8.GetBytes(json));
        Assert.Contains(expected, Rejected(_path));
    }

    [Fact]
    public void Null_where_a_value_is_required_is_rejected()
    {
        BundleSamples.EditManifest(_path, json => json["label_map"] = null);
        Assert.Contains("model.json is malformed", Rejected(_path));
    }

    [Fact]
    public void Random_bytes_are_not_a_model_file()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        bytes[0] = (byte)'x';
        File.WriteAllBytes(_path, bytes);
        Assert.Contains("is not an MMFuse model file (not a zip archive)", Rejected(_path));
        File.WriteAllBytes(_path, []);
        Assert.Contains("is not an MMFuse model file (not a zip archive)", Rejected(_path));
    }

    [Fact]
    public void Zip_without_model_json_is_not_a_model_file()
    {
        File.Delete(_path);
        using (var zip = ZipFile.Open(_path, ZipArchiveMode.Create))
        using (var stream = zip.CreateEntry("readme.txt").Open())
            stream.Write("hello"u8);
        Assert.Contains("is not an MMFuse model file (a zip archive without model.json)", Rejected(_path));
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var missing = _temp.File("nope.mmf");
        Assert.Contains("does not exist", Rejected(missing));
    }

    [Fact]
    public void Unknown_payload_name_is_an_input_error_listing_the_payloads()
    {
        var message = Assert.Throws<MMFuseInputException>(() => ModelBundle.Load(_path).OpenPayload("nothing")).Message;
        Assert.Contains("has no payload 'nothing'", message);
        Assert.Contains("predictor/weights.bin, caption/tfidf.json", message);
    }
}
