using System.Buffers.Binary;
using MMFuse.Data;
using SkiaSharp;

namespace MMFuse;

/// <summary>
/// A made-up row with every column filled — a grey image, a second of a quiet tone, a word, a zero — so one
/// prediction runs every encoder a model uses. Its prediction means nothing; only the loading it causes matters.
/// </summary>
internal static class WarmUpRow
{
    public static MultimodalRow For(IReadOnlyDictionary<string, ColumnRole> roles)
    {
        var row = new MultimodalRow("warm-up");
        foreach (var (column, role) in roles)
            row[column] = role switch
            {
                ColumnRole.Image => Png(),
                ColumnRole.Audio => Wav(),
                ColumnRole.Numeric => 0,
                _ => "warm up",
            };
        return row;
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(64, 64);
        bitmap.Erase(new SKColor(128, 128, 128));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>One second of a quiet 440 Hz tone, 16 kHz mono 16-bit PCM (silence would be a degenerate spectrum).</summary>
    private static byte[] Wav()
    {
        const int Rate = 16000;
        var wav = new byte[44 + 2 * Rate];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], wav.Length - 8);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], Rate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], 2 * Rate);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], 2 * Rate);
        for (var i = 0; i < Rate; i++)
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + 2 * i)..], (short)(1000 * Math.Sin(2 * Math.PI * 440 * i / Rate)));
        return wav;
    }
}
