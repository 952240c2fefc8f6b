namespace MMFuse.Features.Text;

/// <summary>Row normalisation shared by the text extractors.</summary>
internal static class L2
{
    /// <summary>Scales <paramref name="row"/> to unit Euclidean length; an all-zero row stays zero
    /// (a tf-idf row with no known term has no direction to keep).</summary>
    public static void NormalizeInPlace(Span<float> row)
    {
        double sum = 0;
        foreach (var v in row)
            sum += (double)v * v;
        if (sum == 0)
            return;
        var scale = (float)(1.0 / Math.Sqrt(sum));
        for (var i = 0; i < row.Length; i++)
            row[i] *= scale;
    }
}
