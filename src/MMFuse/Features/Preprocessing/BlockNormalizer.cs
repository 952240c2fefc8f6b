namespace MMFuse.Features.Preprocessing;

/// <summary>
/// Fits per-column normalisation of one feature block on its present training rows. Non-finite values in
/// present rows are first replaced by the column's training median (of its finite values), and the mean,
/// std, min and max are taken after that replacement, so the training rows transform to exactly mean 0 /
/// std 1 (zscore) or [0, 1] (minmax). A column with no spread (max == min) keeps scale 1, so it maps to a
/// finite constant instead of NaN/inf; the exact test avoids dividing by a rounding-error std.
/// </summary>
public static class BlockNormalizer
{
    /// <exception cref="ArgumentException">The block is malformed or has no present row to learn from.</exception>
    public static FittedNormalizer Fit(FeatureBlock train, NormalizeMode mode = NormalizeMode.ZScore)
    {
        FittedNormalizer.CheckShape(train);
        var use = Enumerable.Range(0, train.Count).Where(r => train.Present[r]).ToArray();
        if (use.Length == 0)
            throw new ArgumentException(
                $"Block '{train.Modality}' has no present training row; leave the modality out of this fold.", nameof(train));

        var d = train.Dimension;
        var (median, mean, scale, center) = (new double[d], new double[d], new double[d], new double[d]);
        var column = new List<double>(use.Length);
        for (var c = 0; c < d; c++)
        {
            column.Clear();
            foreach (var r in use)
                if (float.IsFinite(train.Rows[r][c]))
                    column.Add(train.Rows[r][c]);
            // No finite training value at all: impute 0 (the column is then constant and scales by 1).
            median[c] = column.Count == 0 ? 0 : Statistics.Median(column);

            double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var r in use)
            {
                var v = FittedNormalizer.Clean(train.Rows[r][c], median[c]);
                sum += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
            mean[c] = sum / use.Length;
            double squares = 0; // two passes: no cancellation from sum(x^2) - n mean^2
            foreach (var r in use)
            {
                var dev = FittedNormalizer.Clean(train.Rows[r][c], median[c]) - mean[c];
                squares += dev * dev;
            }
            var constant = max == min;
            (center[c], scale[c]) = mode switch
            {
                NormalizeMode.ZScore => (mean[c], constant ? 1 : Math.Sqrt(squares / use.Length)),
                NormalizeMode.MinMax => (min, constant ? 1 : max - min),
                NormalizeMode.None => (0.0, 1.0),
                _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
            };
        }
        return new FittedNormalizer(train.Modality, train.ExtractorId, d, mode, center, scale, mean, median);
    }
}
