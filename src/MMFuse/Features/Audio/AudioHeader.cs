using System.Buffers.Binary;

namespace MMFuse.Features.Audio;

/// <summary>
/// A clip's duration as its header declares it, read without decoding a sample, so an over-long upload can be
/// refused before any work is spent on it. Only WAV states it plainly (data bytes ÷ byte rate); for compressed
/// formats the duration is known only after decoding, where the extractor checks it instead.
/// </summary>
internal static class AudioHeader
{
    /// <summary>Seconds of audio a WAV file's header declares; null for other formats or a header too broken to say.</summary>
    public static double? DeclaredSeconds(ReadOnlySpan<byte> file)
    {
        if (AudioSniffer.Detect(file) != AudioContainer.Wav || file.Length < 12)
            return null;
        long byteRate = 0, dataBytes = -1;
        var pos = 12;
        while (pos + 8 <= file.Length && (byteRate == 0 || dataBytes < 0))
        {
            var id = file.Slice(pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(pos + 4, 4));
            var body = pos + 8;
            if (id.SequenceEqual("fmt "u8) && size >= 16 && body + 16 <= file.Length)
            {
                // Computed from rate × block align rather than the header's own byte-rate field, which writers get wrong.
                var rate = BinaryPrimitives.ReadInt32LittleEndian(file[(body + 4)..]);
                int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(file[(body + 12)..]);
                byteRate = (long)Math.Max(rate, 0) * blockAlign;
            }
            if (id.SequenceEqual("data"u8))
                // "Size unknown" (streaming writers) runs to the end of the file.
                dataBytes = size == uint.MaxValue ? file.Length - body : Math.Min(size, file.Length - body);
            pos = (int)Math.Min(int.MaxValue, body + (long)size + (size & 1));
        }
        return byteRate > 0 && dataBytes >= 0 ? (double)dataBytes / byteRate : null;
    }
}
