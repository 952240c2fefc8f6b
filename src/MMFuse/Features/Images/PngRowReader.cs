using System.Buffers.Binary;
using System.IO.Compression;

namespace MMFuse.Features.Images;

/// <summary>
/// Reads a PNG one row at a time as RGBA, holding two rows, for large images that must not be decoded whole: this
/// Skia build has no scanline decoder for PNG. Covers non-interlaced 8-bit gray, RGB, palette, gray+alpha and RGBA and
/// their 16-bit forms (the high byte is kept); anything else (interlaced, 1–4-bit, a tRNS colour key) returns null from
/// <see cref="TryOpen"/>, and the caller decodes with Skia instead.
/// </summary>
internal sealed class PngRowReader : IDisposable
{
    private static ReadOnlySpan<byte> Magic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly ZLibStream _inflater;
    private readonly int _colorType;
    private readonly int _sampleBytes;
    private readonly int _pixelBytes;
    private readonly byte[]? _palette; // RGBA per entry
    private byte[] _row;
    private byte[] _previous;

    private PngRowReader(int width, int height, int colorType, int sampleBytes, byte[]? palette, byte[] compressed)
    {
        (Width, Height, _colorType, _sampleBytes, _palette) = (width, height, colorType, sampleBytes, palette);
        _pixelBytes = Channels(colorType) * sampleBytes;
        _row = new byte[1 + width * _pixelBytes]; // TryOpen checked that this fits
        _previous = new byte[_row.Length];
        _inflater = new ZLibStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
    }

    public int Width { get; }
    public int Height { get; }

    public static PngRowReader? TryOpen(ReadOnlySpan<byte> png)
    {
        if (png.Length < 8 || !png[..8].SequenceEqual(Magic))
            return null;
        var (width, height, bitDepth, colorType, interlace) = (0, 0, 0, -1, 0);
        byte[]? palette = null;
        var transparency = ReadOnlySpan<byte>.Empty;
        using var idat = new MemoryStream();
        for (var at = 8; at + 12 <= png.Length;)
        {
            var length = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(png[at..]), int.MaxValue);
            if (length > png.Length - at - 12)
                return null; // truncated: let Skia report it
            var type = png.Slice(at + 4, 4);
            var data = png.Slice(at + 8, length);
            at += 12 + length;
            if (type.SequenceEqual("IHDR"u8) && length >= 13)
                (width, height, bitDepth, colorType, interlace) =
                    ((int)BinaryPrimitives.ReadUInt32BigEndian(data), (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]), data[8], data[9], data[12]);
            else if (type.SequenceEqual("PLTE"u8))
                palette = Palette(data);
            else if (type.SequenceEqual("tRNS"u8))
                transparency = data;
            else if (type.SequenceEqual("IDAT"u8))
                idat.Write(data);
            else if (type.SequenceEqual("IEND"u8))
                break;
        }
        var supported = width > 0 && height > 0 && interlace == 0 && width <= (int.MaxValue - 1) / 8 // 8 bytes per pixel at most
            && (colorType == 3 ? bitDepth == 8 && palette is not null : colorType is 0 or 2 or 4 or 6 && bitDepth is 8 or 16)
            && (transparency.IsEmpty || colorType == 3);
        if (!supported)
            return null;
        if (colorType == 3)
            for (var i = 0; i < Math.Min(transparency.Length, palette!.Length / 4); i++)
                palette[i * 4 + 3] = transparency[i];
        return new PngRowReader(width, height, colorType, bitDepth / 8, palette, idat.ToArray());
    }

    /// <summary>Reads the next row into <paramref name="rgba"/> (Width × 4 bytes, unpremultiplied).</summary>
    public void ReadRow(byte[] rgba)
    {
        (_row, _previous) = (_previous, _row);
        try
        {
            _inflater.ReadExactly(_row);
        }
        catch (EndOfStreamException) { throw new MediaDecodeException("truncated PNG data"); }
        catch (InvalidDataException) { throw new MediaDecodeException("corrupt PNG data"); }
        PngFilters.Undo(_row, _previous, _pixelBytes);
        ToRgba(_row, rgba);
    }

    private void ToRgba(byte[] row, byte[] rgba)
    {
        // Samples start after the filter byte; of a 16-bit sample, the first (high) byte is kept.
        var (step, pixel) = (_sampleBytes, _pixelBytes);
        for (int x = 0, s = 1, d = 0; x < Width; x++, s += pixel, d += 4)
        {
            var (r, g, b, a) = _colorType switch
            {
                0 => (row[s], row[s], row[s], (byte)255),
                2 => (row[s], row[s + step], row[s + 2 * step], (byte)255),
                3 => Entry(row[s]),
                4 => (row[s], row[s], row[s], row[s + step]),
                _ => (row[s], row[s + step], row[s + 2 * step], row[s + 3 * step]),
            };
            rgba[d] = r;
            rgba[d + 1] = g;
            rgba[d + 2] = b;
            rgba[d + 3] = a;
        }
    }

    private (byte, byte, byte, byte) Entry(byte index)
    {
        if (index * 4 >= _palette!.Length)
            throw new MediaDecodeException($"corrupt PNG data (palette index {index} out of range)");
        return (_palette[index * 4], _palette[index * 4 + 1], _palette[index * 4 + 2], _palette[index * 4 + 3]);
    }

    private static byte[] Palette(ReadOnlySpan<byte> plte)
    {
        var entries = plte.Length / 3;
        var palette = new byte[entries * 4];
        for (var i = 0; i < entries; i++)
            (palette[i * 4], palette[i * 4 + 1], palette[i * 4 + 2], palette[i * 4 + 3]) = (plte[i * 3], plte[i * 3 + 1], plte[i * 3 + 2], 255);
        return palette;
    }

    private static int Channels(int colorType) => colorType switch { 0 or 3 => 1, 2 => 3, 4 => 2, _ => 4 };

    public void Dispose() => _inflater.Dispose();
}
