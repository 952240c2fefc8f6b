using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MMFuse.Data;
using MMFuse.Evaluation;
using MMFuse.Evaluation.Jobs;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Cluster;

/// <summary>
/// Encodes a cross-validation's work as two blobs: the data (features, augmented variants, targets — the big part,
/// shipped once per worker) and the plan (folds, settings, strategy recipe — small; a second split over the same data
/// ships only a new plan). Floats are written bit for bit, so a worker computes on exactly the client's numbers.
/// </summary>
public static class WorkCodec
{
    // 2: sample weights in the data blob and the class weighting in the plan.
    private const int Format = 3;

    /// <summary>The data blob: features, augmented sets, test-time features, targets, task and class count.</summary>
    public static byte[] EncodeData(FoldWork work) => Encode(w =>
    {
        w.Write(Format);
        WriteSet(w, work.Features);
        var augmented = work.Augmented ?? [];
        w.Write(augmented.Count);
        foreach (var set in augmented) WriteSet(w, set);
        w.Write(work.TestFeatures is not null);
        if (work.TestFeatures is not null) WriteSet(w, work.TestFeatures);
        WriteFloats(w, work.Targets);
        w.Write((int)work.Task);
        w.Write(work.ClassCount);
        w.Write(work.Weighting?.Rows is not null);
        if (work.Weighting?.Rows is { } weights) WriteFloats(w, weights);
    });

    /// <summary>The plan blob: folds, normalisation, seed, test-time missingness and the strategy recipe's JSON.</summary>
    public static byte[] EncodePlan(FoldWork work, string recipeJson) => Encode(w =>
    {
        w.Write(Format);
        w.Write(work.Folds.Count);
        foreach (var fold in work.Folds)
        {
            w.Write(fold.Repeat);
            w.Write(fold.Index);
            WriteInts(w, fold.Train);
            WriteInts(w, fold.Test);
        }
        w.Write((int)work.Normalize);
        w.Write(work.Seed);
        w.Write(work.TestMissing is not null);
        if (work.TestMissing is { } missing)
        {
            w.Write(missing.Seed);
            w.Write(missing.Shares.Count);
            foreach (var (key, share) in missing.Shares.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.Write(key);
                w.Write(share);
            }
        }
        w.Write((int)(work.Weighting?.Classes ?? ClassWeight.None));
        w.Write(recipeJson);
    });

    /// <summary>The work and recipe JSON from a data blob and a plan blob.</summary>
    public static (FoldWork Work, string RecipeJson) Decode(byte[] data, byte[] plan)
    {
        using var d = new BinaryReader(new MemoryStream(data));
        CheckFormat(d);
        var features = ReadSet(d);
        var augmented = Enumerable.Range(0, d.ReadInt32()).Select(_ => ReadSet(d)).ToArray();
        var testFeatures = d.ReadBoolean() ? ReadSet(d) : null;
        var targets = ReadFloats(d);
        var task = (TaskKind)d.ReadInt32();
        var classCount = d.ReadInt32();
        var weights = d.ReadBoolean() ? ReadFloats(d) : null;

        using var p = new BinaryReader(new MemoryStream(plan));
        CheckFormat(p);
        var folds = Enumerable.Range(0, p.ReadInt32()).Select(_ => new Fold(p.ReadInt32(), p.ReadInt32(), ReadInts(p), ReadInts(p))).ToArray();
        var normalize = (NormalizeMode)p.ReadInt32();
        var seed = p.ReadInt32();
        TestTimeMissing? missing = null;
        if (p.ReadBoolean())
        {
            var missingSeed = p.ReadInt32();
            var shares = Enumerable.Range(0, p.ReadInt32()).Select(_ => (Key: p.ReadString(), Share: p.ReadDouble())).ToDictionary(s => s.Key, s => s.Share);
            missing = new TestTimeMissing(shares, missingSeed);
        }
        var classWeight = (ClassWeight)p.ReadInt32();
        var recipe = p.ReadString();
        var weighting = weights is null && classWeight == ClassWeight.None ? null : new SampleWeighting(weights, classWeight);
        return (new FoldWork(features, targets, task, classCount, folds, normalize, seed, augmented, missing, testFeatures) { Weighting = weighting }, recipe);
    }

    /// <summary>SHA-256 of the bytes, lower-case hex: a blob's name.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Encode(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
            write(writer);
        return stream.ToArray();
    }

    private static void CheckFormat(BinaryReader reader)
    {
        var format = reader.ReadInt32();
        if (format != Format)
            throw new InvalidDataException($"work blob format {format}; this MMFuse reads {Format}");
    }

    private static void WriteSet(BinaryWriter w, FeatureSet set)
    {
        w.Write(set.Rows);
        w.Write(set.Pretrained.Count);
        foreach (var block in set.Pretrained)
        {
            w.Write(block.Modality);
            w.Write(block.ExtractorId);
            w.Write(block.Dimension);
            w.Write(block.Rows.Length);
            foreach (var row in block.Rows)
            {
                w.Write(row is not null);
                if (row is not null) WriteFloats(w, row);
            }
            w.Write(block.Present.Length);
            foreach (var present in block.Present) w.Write(present);
        }
        w.Write(set.TfidfText.Count);
        foreach (var (column, texts) in set.TfidfText)
        {
            w.Write(column);
            WriteStrings(w, texts);
        }
        w.Write(set.Tabular.Count);
        foreach (var column in set.Tabular)
        {
            w.Write(column.Name);
            w.Write((int)column.Role);
            WriteStrings(w, column.Values);
        }
        WriteStrings(w, set.AutoText);
    }

    private static FeatureSet ReadSet(BinaryReader r)
    {
        var rows = r.ReadInt32();
        var blocks = Enumerable.Range(0, r.ReadInt32()).Select(_ =>
        {
            var (modality, extractor, dimension) = (r.ReadString(), r.ReadString(), r.ReadInt32());
            var vectors = Enumerable.Range(0, r.ReadInt32()).Select(_ => r.ReadBoolean() ? ReadFloats(r) : null!).ToArray();
            var present = Enumerable.Range(0, r.ReadInt32()).Select(_ => r.ReadBoolean()).ToArray();
            return new FeatureBlock(modality, extractor, dimension, vectors, present);
        }).ToArray();
        var texts = Enumerable.Range(0, r.ReadInt32()).Select(_ => (r.ReadString(), ReadStrings(r))).ToArray();
        var tabular = Enumerable.Range(0, r.ReadInt32()).Select(_ => new TabularColumn(r.ReadString(), (ColumnRole)r.ReadInt32(), ReadStrings(r))).ToArray();
        return new FeatureSet(rows, blocks, texts, tabular) { AutoText = ReadStrings(r).Select(c => c!).ToArray() };
    }

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string?> values)
    {
        w.Write(values.Count);
        foreach (var value in values)
        {
            w.Write(value is not null);
            if (value is not null) w.Write(value);
        }
    }

    private static IReadOnlyList<string?> ReadStrings(BinaryReader r) =>
        Enumerable.Range(0, r.ReadInt32()).Select(_ => r.ReadBoolean() ? r.ReadString() : null).ToArray();

    private static void WriteFloats(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] ReadFloats(BinaryReader r)
    {
        var values = new float[r.ReadInt32()];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static int[] ReadInts(BinaryReader r)
    {
        var values = new int[r.ReadInt32()];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
