using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Features;
using MMFuse.Features.Extraction;
using Parquet.Serialization;

namespace MMFuse.Bench;

/// <summary>
/// The avdigits features as <c>mmfuse extract avdigits.csv --export FILE.parquet</c> wrote them (id, image, audio
/// and their <c>_present</c> flags), joined by id to the manifest's <c>digit</c> label, with the stratified 5-fold
/// split the CLI's <c>compare</c> would make (seed 42). Rows stay in the export's order.
/// </summary>
internal sealed class ExportedFeatures
{
    public const int Seed = 42;

    // Property names are the exported column names, so Parquet.Net's serializer maps them.
#pragma warning disable IDE1006
    public sealed class Row
    {
        public string? id { get; set; }
        public float[]? image { get; set; }
        public bool image_present { get; set; }
        public float[]? audio { get; set; }
        public bool audio_present { get; set; }
    }
#pragma warning restore IDE1006

    private ExportedFeatures(FeatureSet features, float[] targets, int classCount, IReadOnlyList<Fold> folds)
    {
        (Features, Targets, ClassCount, Folds) = (features, targets, classCount, folds);
    }

    public FeatureSet Features { get; }
    public float[] Targets { get; }
    public int ClassCount { get; }
    public IReadOnlyList<Fold> Folds { get; }
    public int Rows => Targets.Length;

    public static ExportedFeatures Load(string parquet, string manifest)
    {
        var rows = ParquetSerializer.DeserializeAsync<Row>(parquet).GetAwaiter().GetResult().Data;
        var table = FeatureTable.Load(Manifest.Open(manifest), new SchemaOptions { Label = "digit" }, BadRowPolicy.Fail);
        var labelById = table.Ids.Select((id, i) => (id, label: table.Values["digit"][i])).ToDictionary(p => p.id, p => p.label);
        var labels = rows.Select(r => labelById.TryGetValue(r.id ?? "", out var l) ? l : throw new InvalidOperationException($"{parquet}: id '{r.id}' is not in {manifest}")).ToArray();
        var (targets, classes) = LabelEncoder.Encode(labels, TaskKind.Multiclass);
        var blocks = new[]
        {
            Block("image", rows.Select(r => r.image).ToArray(), rows.Select(r => r.image_present).ToArray()),
            Block("audio", rows.Select(r => r.audio).ToArray(), rows.Select(r => r.audio_present).ToArray()),
        };
        var features = new FeatureSet(rows.Count, blocks, [], []);
        var folds = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 5, Seed: Seed), targets.Length, targets.Select(t => (int)t).ToArray());
        return new ExportedFeatures(features, targets, classes.Count, folds);
    }

    /// <summary>The first <paramref name="count"/> rows (quick runs), with the folds made again for them.</summary>
    public ExportedFeatures Take(int count)
    {
        if (count >= Rows)
            return this;
        var keep = Enumerable.Range(0, count).ToArray();
        var targets = Targets[..count];
        var folds = Splitter.Split(new SplitSpec(SplitKind.StratifiedKFold, 5, Seed: Seed), count, targets.Select(t => (int)t).ToArray());
        return new ExportedFeatures(Features.Subset(keep), targets, ClassCount, folds);
    }

    /// <summary>Each row's outer test fold (0..4), for scikit-learn's PredefinedSplit: the same folds on both sides.</summary>
    public long[] TestFold()
    {
        var result = new long[Rows];
        foreach (var fold in Folds)
            foreach (var i in fold.Test)
                result[i] = fold.Index;
        return result;
    }

    /// <summary>The blocks side by side, as early fusion (and scikit-learn's stacking) sees them. avdigits has no
    /// absent cell; an absent one would need an imputation choice, so it is refused rather than zero-filled.</summary>
    public float[][] Concatenated()
    {
        foreach (var block in Features.Pretrained)
            if (block.Present.Contains(false))
                throw new InvalidOperationException($"block {block.Modality} has absent rows; the concatenated export needs every block present");
        return [.. Enumerable.Range(0, Rows).Select(r => Features.Pretrained.SelectMany(b => b.Rows[r]).ToArray())];
    }

    private static FeatureBlock Block(string name, float[]?[] rows, bool[] present)
    {
        var dimension = rows.FirstOrDefault(r => r is { Length: > 0 })?.Length
            ?? throw new InvalidOperationException($"the export's {name} block has no values");
        var dense = rows.Select((r, i) => present[i]
            ? r is { Length: var n } && n == dimension ? r : throw new InvalidOperationException($"row {i}: {name} has {r?.Length ?? 0} values, expected {dimension}")
            : new float[dimension]).ToArray();
        return new FeatureBlock(name, "export", dimension, dense, present);
    }
}
