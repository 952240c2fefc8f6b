namespace MMFuse.Features.Images;

/// <summary>Reverses the five PNG row filters (None, Sub, Up, Average, Paeth) in place; byte 0 of a row is its filter type.</summary>
internal static class PngFilters
{
    public static void Undo(byte[] row, byte[] previous, int pixelBytes)
    {
        var filter = row[0];
        if (filter > 4)
            throw new MediaDecodeException($"corrupt PNG data (row filter {filter})");
        for (var i = 1; i < row.Length; i++)
        {
            int left = i > pixelBytes ? row[i - pixelBytes] : 0;
            int up = previous[i];
            int upLeft = i > pixelBytes ? previous[i - pixelBytes] : 0;
            var predicted = filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                _ => Paeth(left, up, upLeft),
            };
            row[i] = (byte)(row[i] + predicted);
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
