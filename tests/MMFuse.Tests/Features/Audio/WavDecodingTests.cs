using System.Buffers.Binary;
using MMFuse.Features;
using MMFuse.Features.Audio;

namespace MMFuse.Tests.Features.Audio;

public sealed class WavDecodingTests
{
    // All fixtures were made by sox from one 300 Hz, half-scale, 0.1 s tone at 8 kHz written as 16-bit PCM,
    // then converted (see Fixtures/audio/README.md); so each must decode to the 16-bit waveform.
    private static readonly float[] Reference16 = AudioDecoder.Decode(AudioTestFiles.Fixture("pcm16.wav")).Samples;

    [Theory]
    [InlineData("pcm24.wav", 0)] // EXTENSIBLE, exact widening of 16-bit data
    [InlineData("pcm32.wav", 0)] // EXTENSIBLE
    [InlineData("float32.wav", 0)]
    [InlineData("float64.wav", 0)]
    [InlineData("stereo16.wav", 0)] // both channels equal, so the average is the signal
    [InlineData("ch3-24.wav", 0)] // three channels, EXTENSIBLE
    [InlineData("pcm8.wav", 3.0 / 128)] // 8-bit step is 1/128; sox adds up to ~2 steps of TPDF dither
    public void Every_sample_format_decodes_to_the_same_waveform(string file, double tolerance)
    {
        var clip = AudioDecoder.Decode(AudioTestFiles.Fixture(file));

        Assert.Equal(8000, clip.SampleRate);
        Assert.Equal(Reference16.Length, clip.Samples.Length);
        var worst = Reference16.Zip(clip.Samples, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= tolerance + 1e-7, $"{file}: max abs difference {worst}");
    }

    [Fact]
    public void Reference_tone_is_what_sox_was_asked_for()
    {
        Assert.Equal(800, Reference16.Length);
        Assert.Equal(300, AudioTestFiles.ZeroCrossingHz(Reference16, 8000), 0.5);
        Assert.Equal(0.5 / Math.Sqrt(2), AudioTestFiles.Rms(Reference16), 0.005);
    }

    [Fact]
    public void AvDigits_clip_decodes_as_11025_Hz_mono()
    {
        var bytes = AudioTestFiles.Fixture("avdigits-0394.wav");
        var clip = AudioDecoder.Decode(bytes);

        Assert.Equal(11025, clip.SampleRate);
        Assert.Equal((bytes.Length - 44) / 2, clip.Samples.Length); // canonical 44-byte header, 16-bit mono
        Assert.Equal(BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + 2 * 1000)) / 32768f, clip.Samples[1000]);
    }

    [Fact]
    public void Channels_are_averaged_and_unknown_chunks_skipped()
    {
        var left = AudioTestFiles.Sine(440, 8000, 400);
        var right = AudioTestFiles.Sine(1000, 8000, 400, 0.25);
        // An odd-sized chunk before the data tests the RIFF pad byte.
        var bytes = AudioTestFiles.Pcm16Wav(8000, [left, right], ("LIST", new byte[7]), ("junk", new byte[4]));

        var clip = AudioDecoder.Decode(bytes);

        Assert.Equal(400, clip.Samples.Length);
        for (var i = 0; i < 400; i++)
            Assert.Equal((left[i] + right[i]) / 2, clip.Samples[i], 1e-4);
    }

    [Fact]
    public void Format_is_detected_from_bytes_not_names()
    {
        // Decode takes bytes only; an MP3 and a WAV given the same treatment decode by their headers.
        Assert.Equal(8000, AudioDecoder.Decode(AudioTestFiles.Fixture("pcm16.wav")).SampleRate);
        Assert.Equal(22050, AudioDecoder.Decode(AudioTestFiles.Fixture("tone440-22k-mono.mp3")).SampleRate);
    }

    [Fact]
    public void Streaming_size_marker_reads_data_to_end_of_file()
    {
        var bytes = AudioTestFiles.Fixture("pcm16.wav");
        var dataAt = IndexOf(bytes, "data"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(dataAt + 4), uint.MaxValue);

        Assert.Equal(Reference16, AudioDecoder.Decode(bytes).Samples);
    }

    [Fact]
    public void Truncated_data_chunk_is_reported()
    {
        var bytes = AudioTestFiles.Fixture("pcm16.wav");
        var ex = Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(bytes[..(bytes.Length / 2)]));
        Assert.Contains("truncated", ex.Message);
    }

    [Theory]
    [InlineData(12)] // RIFF header only
    [InlineData(20)] // cut inside the fmt chunk
    [InlineData(45)] // cut inside a 24-bit EXTENSIBLE header
    public void Truncated_headers_are_reported(int keep)
    {
        var bytes = AudioTestFiles.Fixture("pcm24.wav")[..keep];
        Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(bytes));
    }

    [Fact]
    public void Data_ending_inside_a_sample_frame_is_truncation()
    {
        var bytes = AudioTestFiles.Pcm16Wav(8000, [new float[10], new float[10]]);
        var dataAt = IndexOf(bytes, "data"u8);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(dataAt + 4), 39); // 9.75 stereo frames
        var ex = Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(bytes[..(dataAt + 8 + 39)]));
        Assert.Contains("sample frame", ex.Message);
    }

    [Fact]
    public void Empty_data_chunk_is_an_error_not_a_silent_clip()
    {
        var ex = Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(AudioTestFiles.Pcm16Wav(8000, [[]])));
        Assert.Contains("no audio samples", ex.Message);
    }

    [Fact]
    public void Unsupported_encodings_are_named()
    {
        var bytes = AudioTestFiles.Fixture("pcm16.wav");
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), 0x0002); // MS ADPCM
        var ex = Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(bytes));
        Assert.Contains("0x0002", ex.Message);
    }

    [Fact]
    public void Non_finite_float_samples_are_rejected()
    {
        var bytes = AudioTestFiles.Fixture("float32.wav");
        var dataAt = IndexOf(bytes, "data"u8);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(dataAt + 8 + 4 * 10), float.NaN);
        var ex = Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(bytes));
        Assert.Contains("non-finite", ex.Message);
    }

    [Fact]
    public void Missing_fmt_chunk_is_reported()
    {
        var bytes = AudioTestFiles.Riff(("data", new byte[100]));
        var ex = Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(bytes));
        Assert.Contains("fmt", ex.Message);
    }

    internal static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
