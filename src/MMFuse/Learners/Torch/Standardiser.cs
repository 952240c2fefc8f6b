namespace MMFuse.Learners.Torch;

/// <summary>Per-column (x - mean) / scale, fitted on training rows. Columns with no spread keep scale 1 so
/// a constant feature maps to 0 instead of dividing by zero.</summary>
internal sealed record Standardiser(float[] Mean, float[] Scale)
{
    public static Standardiser Fit(float[][] rows, IReadOnlyList<int> use, int columns)
    {
        var mean = new double[columns];
        var square = new double[columns];
        foreach (var r in use)
        {
            var row = rows[r];
            for (var c = 0; c < columns; c++)
            {
                mean[c] += row[c];
                square[c] += (double)row[c] * row[c];
            }
        }
        var m = new float[columns];
        var s = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            var mu = mean[c] / use.Count;
            var variance = Math.Max(0, square[c] / use.Count - mu * mu);
            m[c] = (float)mu;
            s[c] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }
        return new Standardiser(m, s);
    }

    /// <summary>Row-major flattened, standardised copy of the rows (the layout torch.tensor takes).</summary>
    public float[] Transform(float[][] rows)
    {
        var columns = Mean.Length;
        var flat = new float[rows.Length * columns];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = rows[r];
            if (row.Length != columns)
                throw new ArgumentException($"Row {r} has {row.Length} features; the model expects {columns}.");
            for (var c = 0; c < columns; c++)
            {
                var v = row[c];
                if (!float.IsFinite(v))
                    throw new ArgumentException($"Row {r}, feature {c} is {v}; features must be finite numbers.");
                flat[r * columns + c] = (v - Mean[c]) / Scale[c];
            }
        }
        return flat;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Mean.Length);
        foreach (var v in Mean) writer.Write(v);
        foreach (var v in Scale) writer.Write(v);
    }

    public static Standardiser Read(BinaryReader reader)
    {
        var n = reader.ReadInt32();
        if (n < 0)
            throw new InvalidDataException("Corrupt standardiser: negative column count.");
        var mean = new float[n];
        var scale = new float[n];
        for (var i = 0; i < n; i++) mean[i] = reader.ReadSingle();
        for (var i = 0; i < n; i++) scale[i] = reader.ReadSingle();
        return new Standardiser(mean, scale);
    }
}
