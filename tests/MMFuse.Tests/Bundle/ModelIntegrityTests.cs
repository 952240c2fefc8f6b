using System.Text;
using System.Text.Json.Nodes;
using MMFuse.Bundle;
using MMFuse.Data;

namespace MMFuse.Tests.Bundle;

/// <summary>model.json is checksummed like the payloads, payload names are held to the format, and a signed model
/// cannot be changed without the key.</summary>
public sealed class ModelIntegrityTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _path;
    private readonly ModelSigningKey _key = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public ModelIntegrityTests() => _path = _temp.File("model.mmf");

    public void Dispose() => _temp.Dispose();

    private string Rejected(ModelSigningKey? key = null) => BundleSamples.Refused(_path, new ModelLoadOptions { SigningKey = key });

    private static void SwapLabels(JsonNode json) => json["label_map"] = new JsonArray("fish", "dog", "cat");

    [Fact]
    public void Edited_label_map_is_refused()
    {
        BundleSamples.Writer().Write(_path);
        var json = JsonNode.Parse(BundleSamples.ReadEntry(_path, "model.json"))!;
        SwapLabels(json);
        BundleSamples.Rewrite(_path, "model.json", Encoding.UTF8.GetBytes(json.ToJsonString()));
        Assert.Contains("model.json does not match its SHA-256 in integrity.json: damaged or modified", Rejected());
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("/etc/x")]
    [InlineData("a\\..\\x")]
    [InlineData(".hidden")]
    public void Payload_with_a_forbidden_name_is_refused(string name)
    {
        BundleSamples.Writer().Write(_path);
        using (var zip = System.IO.Compression.ZipFile.Open(_path, System.IO.Compression.ZipArchiveMode.Update))
            zip.GetEntry("predictor/weights.bin")!.Delete();
        BundleSamples.Rewrite(_path, name, BundleSamples.Weights);
        BundleSamples.EditManifest(_path, json => json["payloads"]![0]!["name"] = name);
        Assert.Contains($"payload name '{name}' is not allowed", Rejected());
    }

    [Fact]
    public void Control_characters_in_a_name_are_not_echoed()
    {
        BundleSamples.Writer().Write(_path);
        BundleSamples.EditManifest(_path, json => json["payloads"]![0]!["name"] = "evil\u001b[2J" + new string('x', 500));
        var message = Rejected();
        Assert.Contains("payload name 'evil?[2J", message);
        Assert.False(message.Contains('\u001b', StringComparison.Ordinal), "the escape character is echoed");
        Assert.DoesNotContain(new string('x', 100), message);
    }

    /// <summary>A format-1 file as the previous MMFuse wrote it: no integrity.json.</summary>
    private void WriteFormat1()
    {
        BundleSamples.Writer().Write(_path);
        var json = JsonNode.Parse(BundleSamples.ReadEntry(_path, "model.json"))!;
        json["format_version"] = 1;
        BundleSamples.Rewrite(_path, "model.json", Encoding.UTF8.GetBytes(json.ToJsonString()));
        using var zip = System.IO.Compression.ZipFile.Open(_path, System.IO.Compression.ZipArchiveMode.Update);
        zip.GetEntry("integrity.json")!.Delete();
    }

    [Fact]
    public void Format_1_file_still_loads_but_never_satisfies_a_signing_key()
    {
        WriteFormat1();
        Assert.Equal(["cat", "dog", "fish"], ModelBundle.Load(_path).Manifest.LabelMap);
        Assert.Contains("is not signed (format 1, written before model files could be), but a signing key was given", Rejected(_key));
    }

    [Fact]
    public void Missing_integrity_entry_is_refused()
    {
        BundleSamples.Writer().Write(_path);
        using (var zip = System.IO.Compression.ZipFile.Open(_path, System.IO.Compression.ZipArchiveMode.Update))
            zip.GetEntry("integrity.json")!.Delete();
        Assert.Contains("integrity.json, the checksum of model.json, is missing", Rejected());
    }

    [Fact]
    public void Signed_file_loads_with_its_key_and_without_one()
    {
        BundleSamples.Writer().Write(_path, _key);
        Assert.Equal(["cat", "dog", "fish"], ModelBundle.Load(_path, new ModelLoadOptions { SigningKey = _key }).Manifest.LabelMap);
        Assert.Equal(["cat", "dog", "fish"], ModelBundle.Load(_path).Manifest.LabelMap);
    }

    [Fact]
    public void Signed_file_edited_without_the_key_is_refused_with_the_key()
    {
        BundleSamples.Writer().Write(_path, _key);
        BundleSamples.EditManifest(_path, SwapLabels);
        Assert.Contains("its signature does not match the signing key", Rejected(_key));
    }

    [Fact]
    public void Another_key_or_no_signature_is_refused()
    {
        BundleSamples.Writer().Write(_path, _key);
        var other = new ModelSigningKey(new byte[32]);
        Assert.Contains("its signature does not match the signing key", Rejected(other));
        BundleSamples.Writer().Write(_path);
        Assert.Contains("is not signed, but a signing key was given", Rejected(_key));
    }

    [Fact]
    public void Key_file_that_is_too_short_or_missing_is_an_input_error()
    {
        var shortKey = _temp.Write("short.key", "secret");
        Assert.Contains("holds 6 bytes; a key must hold 16", Assert.Throws<MMFuseInputException>(() => ModelSigningKey.FromFile(shortKey)).Message);
        var missing = _temp.File("none.key");
        Assert.Contains("does not exist", Assert.Throws<MMFuseInputException>(() => ModelSigningKey.FromFile(missing)).Message);
    }
}
