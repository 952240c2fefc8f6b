namespace MMFuse.Features.Preprocessing;

/// <summary>Order statistics shared by the fitted preprocessors.</summary>
internal static class Statistics
{
    /// <summary>Median (mean of the two middle values for an even count); sorts <paramref name="values"/> in place.</summary>
    public static double Median(List<double> values)
    {
        if (values.Count == 0)
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
