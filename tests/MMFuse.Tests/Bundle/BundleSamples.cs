using System.IO.Compression;
using System.Text.Json.Nodes;
using MMFuse.Bundle;
using MMFuse.Data;

namespace MMFuse.Tests.Bundle;

/// <summary>A manifest with every field set, two payloads, and helpers that damage a written file in known ways.</summary>
internal static class BundleSamples
{
    public static readonly byte[] Weights = Enumerable.Range(0, 5000).Select(i => (byte)(i * 31 % 251)).ToArray();
    public const string Vocabulary = """{"terms":["cat","dog","fish"],"idf":[1.5,0.25,2.0]}""";

    public static ModelManifest Manifest() => new()
    {
        CreatedUtc = new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero),
        Schema = new ManifestSchema(
            [new ManifestColumn("id", ColumnRole.Id), new ManifestColumn("photo", ColumnRole.Image),
             new ManifestColumn("caption", ColumnRole.Text), new ManifestColumn("species", ColumnRole.Label)],
            "species", TaskKind.Multiclass),
        Extractors =
        [
            new ManifestExtractor("photo", ColumnRole.Image, "resnet18", "1", "ab12", 512),
            new ManifestExtractor("caption", ColumnRole.Text, "tfidf", "2", "", 3),
        ],
        Preprocessing = new Dictionary<string, JsonNode>
        {
            ["photo"] = new JsonObject { ["kind"] = "standard", ["mean"] = new JsonArray(0.5, 1.25), ["scale"] = new JsonArray(2.0, 0.75) },
            ["caption"] = new JsonObject { ["kind"] = "none" },
        },
        Fusion = new JsonObject { ["strategy"] = "early", ["weights"] = new JsonArray(0.7, 0.3) },
        LabelMap = ["cat", "dog", "fish"],
        Seed = 17,
        TrainingMetrics = new Dictionary<string, double> { ["accuracy"] = 0.875, ["macro_f1"] = 0.8125, ["roc_auc"] = double.NaN },
    };

    public static ModelBundleWriter Writer() => new ModelBundleWriter(Manifest())
        .AddPayload("predictor/weights.bin", "test-weights", Weights)
        .AddPayload("caption/tfidf.json", "tfidf-vocabulary", stream =>
        {
            // Closes the stream it was given, as payload writers often do; the writer must cope.
            using var writer = new StreamWriter(stream);
            writer.Write(Vocabulary);
        });

    /// <summary>Loading <paramref name="path"/> fails with an input error that names the file; returns its message.</summary>
    public static string Refused(string path, ModelLoadOptions? options = null)
    {
        var message = Assert.Throws<MMFuseInputException>(() => ModelBundle.Load(path, options)).Message;
        Assert.Contains(path, message);
        return message;
    }

    /// <summary>Replaces (or adds) one entry's content, leaving a well-formed zip.</summary>
    public static void Rewrite(string path, string entryName, byte[] content)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry(entryName)?.Delete();
        using var stream = zip.CreateEntry(entryName).Open();
        stream.Write(content);
    }

    /// <summary>Replaces model.json and records its new SHA-256 in integrity.json, as a careless (or keyless) editor
    /// of the file would; the signature, if any, is kept and no longer matches.</summary>
    public static void RewriteManifest(string path, byte[] content)
    {
        var integrity = System.Text.Json.Nodes.JsonNode.Parse(ReadEntry(path, "integrity.json"))!;
        integrity["model_json_sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        Rewrite(path, "model.json", content);
        Rewrite(path, "integrity.json", System.Text.Encoding.UTF8.GetBytes(integrity.ToJsonString()));
    }

    /// <summary>model.json after <paramref name="edit"/>, with integrity.json updated to match.</summary>
    public static void EditManifest(string path, Action<System.Text.Json.Nodes.JsonNode> edit)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(ReadEntry(path, "model.json"))!;
        edit(json);
        RewriteManifest(path, System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    public static byte[] ReadEntry(string path, string entryName)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry(entryName)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Offset of the first byte of an entry's (compressed) data, from its local file header.</summary>
    public static int DataOffset(byte[] file, string entryName)
    {
        var name = System.Text.Encoding.UTF8.GetBytes(entryName);
        var at = file.AsSpan().IndexOf(name); // the local header comes before the central directory
        var header = at - 30;
        Assert.True(header >= 0 && BitConverter.ToUInt32(file, header) == 0x04034b50, "local file header not found");
        var nameLength = BitConverter.ToUInt16(file, header + 26);
        var extraLength = BitConverter.ToUInt16(file, header + 28);
        return header + 30 + nameLength + extraLength;
    }

    public static int CompressedSize(string path, string entryName)
    {
        using var zip = ZipFile.OpenRead(path);
        return (int)zip.GetEntry(entryName)!.CompressedLength;
    }

    /// <summary>A zip whose one entry inflates to <paramref name="zeros"/> zero bytes: 200 MB compress to about 200 KB.</summary>
    public static void WriteZeros(string path, string entryName, long zeros)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var stream = zip.CreateEntry(entryName, CompressionLevel.Fastest).Open();
        var chunk = new byte[1 << 20];
        for (var written = 0L; written < zeros; written += chunk.Length)
            stream.Write(chunk, 0, (int)Math.Min(chunk.Length, zeros - written));
    }
}
