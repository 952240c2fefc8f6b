using MathNet.Numerics.Distributions;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Evaluation.Analysis;

/// <summary>
/// Gaussian noise on the tabular block's numeric value features, in standard units: each value gets
/// N(0, (σ · std)²) with std the column's standard deviation over the fold's training rows. Missing-indicator and
/// one-hot features are left alone, and so are imputed cells (indicator 1): noise models a noisy measurement.
/// </summary>
internal sealed class TabularNoise
{
    private readonly int[] _values;
    private readonly int?[] _indicators;
    private readonly double[] _std;

    private TabularNoise(int[] values, int?[] indicators, double[] std)
    {
        _values = values;
        _indicators = indicators;
        _std = std;
    }

    /// <summary>From the fitted tabular model (its layout) and the fold's transformed training block.</summary>
    public static TabularNoise Fit(TabularModel model, FeatureBlock train)
    {
        var values = new List<int>();
        var indicators = new List<int?>();
        var offset = 0;
        foreach (var column in model.Columns)
        {
            if (column is NumericColumnModel numeric)
            {
                values.Add(offset);
                indicators.Add(numeric.MissingIndicator ? offset + 1 : null);
            }
            offset += column.Width;
        }
        var std = values.Select(v =>
        {
            var x = train.Rows.Select(r => (double)r[v]).ToArray();
            var mean = x.Average();
            return Math.Sqrt(x.Sum(a => (a - mean) * (a - mean)) / x.Length);
        }).ToArray();
        return new TabularNoise(values.ToArray(), indicators.ToArray(), std);
    }

    public bool HasNumericColumns => _values.Length > 0;

    public FeatureBlock Apply(FeatureBlock clean, double sigma, int seed)
    {
        var random = new Random(seed);
        var rows = clean.Rows.Select(r => (float[])r.Clone()).ToArray();
        foreach (var row in rows)
        {
            for (var c = 0; c < _values.Length; c++)
            {
                // Draw even for skipped cells so each cell's noise does not depend on which others are missing.
                var draw = Normal.Sample(random, 0, 1);
                if (_indicators[c] is not { } indicator || row[indicator] == 0)
                    row[_values[c]] += (float)(draw * sigma * _std[c]);
            }
        }
        return clean with { Rows = rows };
    }
}
