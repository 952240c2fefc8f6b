using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Audio;
using MMFuse.Features.Extraction;
using MMFuse.Features.Images;

namespace MMFuse;

/// <summary>
/// The limits that can be checked on in-memory media before anything is decoded: an image's pixel count from its
/// header (a small file can declare a huge canvas) and a WAV clip's duration from its header. Files named by path
/// are read only at extraction, where the same limits apply again.
/// </summary>
internal static class RowMediaCheck
{
    public static void Run(FeatureTable table, PredictOptions options)
    {
        foreach (var column in table.Schema.Columns.Where(c => c.Role is ColumnRole.Image or ColumnRole.Audio))
        {
            var cells = table.Cells[column.Name];
            for (var r = 0; r < cells.Count; r++)
            {
                if (cells[r].Content is not { } bytes)
                    continue;
                if (column.Role == ColumnRole.Image)
                    Image(r, column.Name, bytes, options.MaxImagePixels);
                else if (AudioHeader.DeclaredSeconds(bytes) is { } seconds && seconds > options.MaxAudioSeconds)
                    throw RowTable.Problem(r, column.Name, AudioLimit.TooLong(seconds, options.MaxAudioSeconds));
            }
        }
    }

    private static void Image(int r, string column, byte[] bytes, long maxPixels)
    {
        int width, height;
        try
        {
            (width, height) = ImageDecoder.ReadSize(bytes);
        }
        catch (MediaDecodeException ex)
        {
            throw RowTable.Problem(r, column, ex.Message);
        }
        var pixels = (long)width * height;
        if (pixels > maxPixels)
            throw RowTable.Problem(r, column, $"image too large: {width}x{height} is {pixels} pixels, above the limit of {maxPixels} (PredictOptions.MaxImagePixels)");
    }
}
