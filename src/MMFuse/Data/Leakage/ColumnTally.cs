using System.Globalization;

namespace MMFuse.Data.Leakage;

/// <summary>What <see cref="LeakageScanner"/> counts for one feature column as the rows stream past: labels per value
/// (bounded), missing cells per label, whether the values look like row numbers, and the sums for a correlation.</summary>
internal sealed class ColumnTally(ColumnSchema column, int maxTrackedValues)
{
    public ColumnSchema Column { get; } = column;
    public Dictionary<string, Dictionary<string, long>> LabelsByValue { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> MissingByLabel { get; } = new(StringComparer.Ordinal);
    public bool Overflowed { get; private set; }
    public long Present { get; private set; }
    public long Missing { get; private set; }
    public bool AllIntegers { get; private set; } = true;
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    public (long N, double X, double Y, double XX, double YY, double XY) Sums { get; private set; }

    public void Add(string? value, string label, double? numericLabel)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Missing++;
            MissingByLabel[label] = MissingByLabel.GetValueOrDefault(label) + 1;
            return;
        }
        Present++;
        if (!Overflowed && !Column.Role.IsFile())
        {
            if (!LabelsByValue.TryGetValue(value, out var labels))
            {
                if (LabelsByValue.Count >= maxTrackedValues)
                {
                    Overflowed = true;
                    LabelsByValue.Clear();
                    return;
                }
                LabelsByValue[value] = labels = new Dictionary<string, long>(StringComparer.Ordinal);
            }
            labels[label] = labels.GetValueOrDefault(label) + 1;
        }
        if (Column.Role == ColumnRole.Numeric && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
        {
            AllIntegers &= Math.Abs(x) < 1e15 && x == Math.Floor(x);
            (Min, Max) = (Math.Min(Min, x), Math.Max(Max, x));
            if (numericLabel is { } y)
            {
                var s = Sums;
                Sums = (s.N + 1, s.X + x, s.Y + y, s.XX + x * x, s.YY + y * y, s.XY + x * y);
            }
        }
    }

    /// <summary>Pearson's r of the column against a numeric label; null without spread.</summary>
    public double? Correlation()
    {
        var (n, x, y, xx, yy, xy) = Sums;
        if (n < 3)
            return null;
        var cov = xy - x * y / n;
        var vx = xx - x * x / n;
        var vy = yy - y * y / n;
        return vx > 1e-12 && vy > 1e-12 ? cov / Math.Sqrt(vx * vy) : null;
    }
}
