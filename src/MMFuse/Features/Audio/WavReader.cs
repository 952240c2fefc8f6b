using System.Buffers.Binary;

namespace MMFuse.Features.Audio;

/// <summary>
/// RIFF/WAVE reader for PCM (8-bit unsigned, 16/24/32-bit signed) and IEEE float (32/64-bit), plain or
/// WAVE_FORMAT_EXTENSIBLE, any channel count. Hand-written because NWaves' <c>WaveFile</c> ignores the format
/// tag (IEEE float data would be read as integers), does not parse WAVE_FORMAT_EXTENSIBLE, finds chunks by
/// scanning for byte patterns, and throws end-of-stream errors on truncated files instead of naming the problem.
/// </summary>
internal static class WavReader
{
    private const ushort FormatPcm = 0x0001;
    private const ushort FormatIeeeFloat = 0x0003;
    private const ushort FormatExtensible = 0xFFFE;

    // The last 14 bytes of every KSDATAFORMAT_SUBTYPE_* GUID (xxxxxxxx-0000-0010-8000-00AA00389B71).
    private static ReadOnlySpan<byte> SubFormatSuffix =>
        [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    private readonly record struct Format(ushort Tag, int Channels, int SampleRate, int BlockAlign, int Bits);

    public static AudioClip Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12)
            throw new MediaDecodeException("WAV file is truncated: the RIFF header is incomplete");

        Format? format = null;
        var data = ReadOnlySpan<byte>.Empty;
        var dataFound = false;
        var pos = 12;
        while (pos + 8 <= file.Length && !(dataFound && format is not null))
        {
            var id = file.Slice(pos, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(pos + 4, 4));
            var bodyStart = pos + 8;
            var remaining = file.Length - bodyStart;
            if (id.SequenceEqual("data"u8))
            {
                // 0xFFFFFFFF is the streaming writers' "size unknown": the data runs to the end of the file.
                if (size != uint.MaxValue && size > remaining)
                    throw new MediaDecodeException(
                        $"WAV file is truncated: the data chunk declares {size} bytes but only {remaining} follow");
                var length = size == uint.MaxValue ? remaining : (int)size;
                data = file.Slice(bodyStart, length);
                dataFound = true;
                pos = bodyStart + length + (length & 1);
                continue;
            }
            if (size > remaining)
                throw new MediaDecodeException(
                    $"WAV file is truncated: the chunk at byte {pos} declares {size} bytes but only {remaining} follow");
            if (id.SequenceEqual("fmt "u8))
                format = ParseFormat(file.Slice(bodyStart, (int)size));
            pos = bodyStart + (int)size + (int)(size & 1); // chunks are padded to even length
        }

        if (format is null)
            throw new MediaDecodeException("WAV file has no 'fmt ' chunk (truncated or not a WAV file)");
        if (!dataFound)
            throw new MediaDecodeException("WAV file has no 'data' chunk (truncated or not a WAV file)");
        return Decode(format.Value, data);
    }

    private static Format ParseFormat(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length < 16)
            throw new MediaDecodeException($"WAV 'fmt ' chunk is too short ({fmt.Length} bytes)");
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        if (tag == FormatExtensible)
        {
            // cbSize(2) validBits(2) channelMask(4) subFormat GUID(16) follow the basic 16 bytes.
            if (fmt.Length < 40)
                throw new MediaDecodeException("WAV WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is too short");
            var guid = fmt.Slice(24, 16);
            if (!guid[4..].SequenceEqual(SubFormatSuffix) || guid[2] != 0 || guid[3] != 0)
                throw new MediaDecodeException("WAV WAVE_FORMAT_EXTENSIBLE sub-format is not a standard audio GUID");
            // Valid bits may be fewer than the container bits; samples are left-justified, so decoding by the
            // container size gives the right scale either way.
            tag = BinaryPrimitives.ReadUInt16LittleEndian(guid);
        }

        if (channels == 0)
            throw new MediaDecodeException("WAV header declares 0 channels");
        if (rate <= 0)
            throw new MediaDecodeException($"WAV header declares an invalid sample rate ({rate})");
        var supported = tag switch
        {
            FormatPcm => bits is 8 or 16 or 24 or 32,
            FormatIeeeFloat => bits is 32 or 64,
            _ => throw new MediaDecodeException(
                $"WAV encoding 0x{tag:X4} is not supported (only PCM and IEEE float are)"),
        };
        if (!supported)
            throw new MediaDecodeException($"WAV {(tag == FormatPcm ? "PCM" : "float")} with {bits} bits per sample is not supported");
        if (blockAlign != channels * bits / 8)
            throw new MediaDecodeException(
                $"WAV header is inconsistent: block align {blockAlign} for {channels} channels of {bits} bits");
        return new Format(tag, channels, rate, blockAlign, bits);
    }

    private static AudioClip Decode(Format f, ReadOnlySpan<byte> data)
    {
        if (data.Length % f.BlockAlign != 0)
            throw new MediaDecodeException(
                $"WAV file is truncated: the data chunk ({data.Length} bytes) ends inside a sample frame of {f.BlockAlign} bytes");
        var count = data.Length / (f.Bits / 8);
        if (count == 0)
            throw new MediaDecodeException("WAV file contains no audio samples");

        var samples = new float[count];
        switch (f.Bits, f.Tag)
        {
            case (8, FormatPcm):
                for (var i = 0; i < count; i++)
                    samples[i] = (data[i] - 128) / 128f; // 8-bit WAV is unsigned with 128 as zero
                break;
            case (16, FormatPcm):
                for (var i = 0; i < count; i++)
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]) / 32768f;
                break;
            case (24, FormatPcm):
                for (var i = 0; i < count; i++)
                {
                    var b = data.Slice(3 * i, 3);
                    var v = (b[0] << 8 | b[1] << 16 | b[2] << 24) >> 8; // sign-extend via the top byte
                    samples[i] = v / 8388608f;
                }
                break;
            case (32, FormatPcm):
                for (var i = 0; i < count; i++)
                    samples[i] = (float)(BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]) / 2147483648.0);
                break;
            case (32, FormatIeeeFloat):
                for (var i = 0; i < count; i++)
                    samples[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(4 * i)..]);
                break;
            default: // (64, float)
                for (var i = 0; i < count; i++)
                    samples[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(data[(8 * i)..]);
                break;
        }
        return new AudioClip(ChannelMixer.ToMono(samples, f.Channels), f.SampleRate);
    }
}
