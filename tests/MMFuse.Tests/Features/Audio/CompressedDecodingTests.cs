using MMFuse.Features;
using MMFuse.Features.Audio;

namespace MMFuse.Tests.Features.Audio;

public sealed class CompressedDecodingTests
{
    [Fact]
    public void Mp3_tone_decodes_with_pitch_and_level()
    {
        var clip = AudioDecoder.Decode(AudioTestFiles.Fixture("tone440-22k-mono.mp3"));

        Assert.Equal(22050, clip.SampleRate);
        // 0.3 s of audio plus encoder delay and frame padding (NLayer does not trim them): at most ~2 frames.
        Assert.InRange(clip.DurationSeconds, 0.29, 0.3 + 2 * 1152.0 / 22050 + 0.01);
        var middle = clip.Samples.AsSpan(clip.Samples.Length / 4, clip.Samples.Length / 2);
        Assert.Equal(440, AudioTestFiles.ZeroCrossingHz(middle, 22050), 3.0);
        Assert.Equal(0.125 / Math.Sqrt(2), AudioTestFiles.Rms(middle), 0.01); // ffmpeg's sine source is 1/8 scale
    }

    [Fact]
    public void Ogg_vorbis_stereo_tone_decodes_to_mono()
    {
        var clip = AudioDecoder.Decode(AudioTestFiles.Fixture("tone440-44k-stereo.ogg"));

        Assert.Equal(44100, clip.SampleRate);
        Assert.InRange(clip.DurationSeconds, 0.29, 0.31); // Vorbis granule positions give the exact length
        var middle = clip.Samples.AsSpan(clip.Samples.Length / 4, clip.Samples.Length / 2);
        Assert.Equal(440, AudioTestFiles.ZeroCrossingHz(middle, 44100), 3.0);
        // ffmpeg's mono-to-stereo upmix puts the 1/8-scale tone in each channel at -3 dB; equal channels average
        // to the same signal, so rms = 0.125 / sqrt(2) / sqrt(2) (ffmpeg's own decoder measures 0.0627 too).
        Assert.Equal(0.0625, AudioTestFiles.Rms(middle), 0.003);
    }

    [Fact]
    public void Flac_is_reported_as_unsupported()
    {
        var ex = Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(AudioTestFiles.Fixture("tone.flac")));
        Assert.StartsWith("FLAC is not supported yet", ex.Message);
    }

    [Theory]
    [InlineData("tone440-22k-mono.mp3", 3)]
    [InlineData("tone440-22k-mono.mp3", 100)]
    [InlineData("tone440-44k-stereo.ogg", 4)]
    [InlineData("tone440-44k-stereo.ogg", 100)]
    [InlineData("tone440-44k-stereo.ogg", 3000)] // headers intact, audio pages cut
    public void Truncated_compressed_files_raise_MediaDecodeException(string file, int keep)
    {
        var bytes = AudioTestFiles.Fixture(file)[..keep];
        Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(bytes));
    }

    [Theory]
    [InlineData("tone440-22k-mono.mp3")]
    [InlineData("tone440-44k-stereo.ogg")]
    public void Garbage_after_a_valid_signature_raises_MediaDecodeException(string file)
    {
        var bytes = AudioTestFiles.Fixture(file);
        var random = new Random(7);
        random.NextBytes(bytes.AsSpan(4)); // keep only "ID3\x04" / "OggS"
        Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(bytes));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Random_bytes_behind_one_valid_mp3_frame_header_are_not_a_valid_mp3_stream(bool withId3Tag)
    {
        var tone = AudioTestFiles.Fixture("tone440-22k-mono.mp3");
        const int firstFrame = 45; // after the fixture's 10-byte ID3v2 header and 35-byte tag
        var head = withId3Tag ? tone[..(firstFrame + 4)] : tone[firstFrame..(firstFrame + 4)];
        // NLayer alone decodes some of these (seed 14 of the bare header, for one) into noise "audio".
        var errors = Enumerable.Range(0, 40).Select(seed =>
        {
            var noise = new byte[6000];
            new Random(seed).NextBytes(noise);
            return Record.Exception(() => AudioDecoder.Decode([.. head, .. noise]));
        });
        Assert.All(errors, error => Assert.StartsWith("not a valid MP3 stream", Assert.IsType<MediaDecodeException>(error).Message));
    }

    [Fact]
    public void A_real_mp3_with_a_trailing_id3v1_tag_still_decodes()
    {
        var tone = AudioTestFiles.Fixture("tone440-22k-mono.mp3");
        var tagged = new byte[tone.Length + 128];
        tone.CopyTo(tagged, 0);
        "TAG"u8.CopyTo(tagged.AsSpan(tone.Length));
        Assert.Equal(22050, AudioDecoder.Decode(tagged).SampleRate);
    }

    [Fact]
    public void Empty_and_unknown_inputs_raise_MediaDecodeException()
    {
        Assert.Contains("empty", Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode([])).Message);
        var text = "this is not audio at all"u8.ToArray();
        Assert.Contains("unrecognised", Assert.Throws<MediaDecodeException>(() => AudioDecoder.Decode(text)).Message);
    }
}
