namespace MMFuse.Features.Audio;

/// <summary>
/// How much of an MP3 file is MPEG audio frames. NLayer decodes whatever follows one valid frame header, so random
/// bytes behind such a header would come out as noise "audio". Here a frame counts only when the next frame header
/// starts exactly where its length says it ends (or the file ends there): a real stream is a chain of such frames,
/// while a sync word that occurs by chance in random bytes almost never points at another header.
/// </summary>
internal static class Mp3FrameScan
{
    // Kilobits per second by bitrate index 1..14, per (MPEG-1 | MPEG-2/2.5) and layer I, II, III.
    private static readonly int[][] Mpeg1Bitrates =
    [
        [32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
        [32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
        [32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    ];

    private static readonly int[][] Mpeg2Bitrates =
    [
        [32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
        [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
        [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
    ];

    private static readonly int[] Mpeg1Rates = [44100, 48000, 32000];

    /// <summary>The share (0..1) of the bytes after any ID3v2 tag that lie in chained frames.</summary>
    public static double FrameShare(ReadOnlySpan<byte> file)
    {
        var start = Id3v2Length(file);
        if (start >= file.Length)
            return 0;
        long chained = 0;
        var pos = start;
        while (pos + 4 <= file.Length)
        {
            var length = FrameLength(file[pos..]);
            if (length > 0 && pos + length <= file.Length && (pos + length == file.Length || FrameLength(file[(pos + length)..]) > 0))
            {
                chained += length;
                pos += length;
            }
            else
            {
                pos++; // not a chained frame here: look for the next sync word
            }
        }
        return (double)chained / (file.Length - start);
    }

    /// <summary>The frame's length in bytes from its 4-byte header, or 0 when there is no valid header here.</summary>
    private static int FrameLength(ReadOnlySpan<byte> h)
    {
        if (h.Length < 4 || h[0] != 0xFF || (h[1] & 0xE0) != 0xE0)
            return 0;
        int version = (h[1] >> 3) & 3, layer = (h[1] >> 1) & 3, bitrateIndex = h[2] >> 4, rateIndex = (h[2] >> 2) & 3;
        // Reserved version or layer, free-format or bad bitrate, reserved sample rate: not a frame.
        if (version == 1 || layer == 0 || bitrateIndex is 0 or 15 || rateIndex == 3)
            return 0;
        var mpeg1 = version == 3;
        var layerIndex = 3 - layer; // 0 = layer I, 1 = layer II, 2 = layer III
        var bitrate = (mpeg1 ? Mpeg1Bitrates : Mpeg2Bitrates)[layerIndex][bitrateIndex - 1] * 1000;
        var rate = Mpeg1Rates[rateIndex] / (mpeg1 ? 1 : version == 2 ? 2 : 4);
        var padding = (h[2] >> 1) & 1;
        if (layerIndex == 0)
            return (12 * bitrate / rate + padding) * 4;
        return (layerIndex == 2 && !mpeg1 ? 72 : 144) * bitrate / rate + padding;
    }

    private static int Id3v2Length(ReadOnlySpan<byte> file)
    {
        if (file.Length < 10 || !file[..3].SequenceEqual("ID3"u8))
            return 0;
        // A "syncsafe" size: 7 bits per byte; a footer (flag 0x10) adds 10 more bytes.
        var size = (file[6] & 0x7F) << 21 | (file[7] & 0x7F) << 14 | (file[8] & 0x7F) << 7 | (file[9] & 0x7F);
        return 10 + size + ((file[5] & 0x10) != 0 ? 10 : 0);
    }
}
