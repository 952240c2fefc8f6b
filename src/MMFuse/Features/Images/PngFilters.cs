namespace MMFuse.Features.Images;

/// <summary>Reverses the five PNG row filters (None, Sub, Up, Average, Paeth) in place; byte 0 of a row is its filter type.</summary>
internal static class PngFilters
{
    public static void Undo(byte[] row, byte[] previous, int pixelBytes)
    {
        var filter = row[0];
        if (filter > 4)
            throw new MediaDecodeException($"corrupt PNG data (row filter {filter})");
        // One loop per filter: this runs over every byte of a large image.
        var n = row.Length;
        switch (filter)
        {
            case 1:
                for (var i = 1 + pixelBytes; i < n; i++) row[i] += row[i - pixelBytes];
                break;
            case 2:
                for (var i = 1; i < n; i++) row[i] += previous[i];
                break;
            case 3:
                for (var i = 1; i < n; i++) row[i] += (byte)(((i > pixelBytes ? row[i - pixelBytes] : 0) + previous[i]) / 2);
                break;
            case 4:
                for (var i = 1; i < n; i++)
                {
                    var (left, upLeft) = i > pixelBytes ? (row[i - pixelBytes], previous[i - pixelBytes]) : (0, 0);
                    row[i] += (byte)Paeth(left, previous[i], upLeft);
                }
                break;
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
