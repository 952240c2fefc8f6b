using System.Buffers.Binary;
using MMFuse.Data;
using SkiaSharp;

namespace MMFuse;

/// <summary>
/// A made-up row with every column filled — a one-pixel grey image, up to a second of a quiet tone, a word, a zero —
/// so one prediction runs every encoder a model uses. Its prediction means nothing; only the loading it causes
/// matters. The media stay inside any limits the options set, so the warm-up loads the very extractors later calls use.
/// </summary>
internal static class WarmUpRow
{
    public static MultimodalRow For(IReadOnlyDictionary<string, ColumnRole> roles, PredictOptions options)
    {
        var row = new MultimodalRow("warm-up");
        foreach (var (column, role) in roles)
            row[column] = role switch
            {
                ColumnRole.Image => Png(),
                ColumnRole.Audio => Wav(Math.Min(1.0, options.MaxAudioSeconds / 2)),
                ColumnRole.Numeric => 0,
                _ => "warm up",
            };
        return row;
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(1, 1);
        bitmap.Erase(new SKColor(128, 128, 128));
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A quiet 440 Hz tone, 16 kHz mono 16-bit PCM (silence would be a degenerate spectrum).</summary>
    private static byte[] Wav(double seconds)
    {
        const int Rate = 16000;
        var samples = Math.Max(1, (int)(seconds * Rate));
        var wav = new byte[44 + 2 * samples];
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
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], 2 * samples);
        for (var i = 0; i < samples; i++)
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + 2 * i)..], (short)(1000 * Math.Sin(2 * Math.PI * 440 * i / Rate)));
        return wav;
    }
}
