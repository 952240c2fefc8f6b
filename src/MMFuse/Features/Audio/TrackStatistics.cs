namespace MMFuse.Features.Audio;

/// <summary>Summarises each column of a [frame][coefficient] track over time.</summary>
internal static class TrackStatistics
{
    public const int StatCount = 4;
    public static readonly string[] StatNames = ["mean", "std", "min", "max"];

    /// <summary>
    /// Writes mean, population standard deviation (divide by T), min and max of every column into
    /// <paramref name="destination"/> at [stat × stride + offset + column], so that several tracks can share one
    /// stat-major vector. Accumulates in double: per-frame values are float, but sums over minutes are not.
    /// </summary>
    public static void Summarise(float[][] track, Span<float> destination, int stride, int offset)
    {
        var columns = track[0].Length;
        for (var c = 0; c < columns; c++)
        {
            double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (var row in track)
            {
                sum += row[c];
                min = Math.Min(min, row[c]);
                max = Math.Max(max, row[c]);
            }
            var mean = sum / track.Length;
            double squares = 0;
            foreach (var row in track)
                squares += (row[c] - mean) * (row[c] - mean);
            destination[offset + c] = (float)mean;
            destination[stride + offset + c] = (float)Math.Sqrt(squares / track.Length);
            destination[2 * stride + offset + c] = (float)min;
            destination[3 * stride + offset + c] = (float)max;
        }
    }
}
