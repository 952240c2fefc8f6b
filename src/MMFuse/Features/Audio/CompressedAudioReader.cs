using NLayer;
using NVorbis;

namespace MMFuse.Features.Audio;

/// <summary>MP3 through NLayer and Ogg Vorbis through NVorbis, both fully managed decoders.</summary>
internal static class CompressedAudioReader
{
    private const int ChunkFrames = 4096;

    /// <summary>At least this share of an MP3's bytes (after its ID3v2 tag) must be chained MPEG frames; real files
    /// are close to 1 (less only a trailing ID3v1 or APE tag), random bytes behind one frame header close to 0.</summary>
    private const double MinMp3FrameShare = 0.5;

    public static AudioClip ReadMp3(byte[] file)
    {
        var share = Mp3FrameScan.FrameShare(file);
        if (share < MinMp3FrameShare)
            throw new MediaDecodeException($"not a valid MP3 stream: only {(int)Math.Round(share * 100)} % of it is MPEG audio frames (expected most of it)");
        using var mpeg = new MpegFile(new MemoryStream(file, writable: false));
        // NLayer finds the first frame lazily; a stream with no valid frame reports 0 channels or rate.
        if (mpeg.Channels <= 0 || mpeg.SampleRate <= 0)
            throw new MediaDecodeException("MP3 stream has no valid MPEG audio frame");
        return ReadAll((buffer, offset, count) => mpeg.ReadSamples(buffer, offset, count), mpeg.Channels, mpeg.SampleRate, "MP3");
    }

    public static AudioClip ReadVorbis(byte[] file)
    {
        using var vorbis = new VorbisReader(new MemoryStream(file, writable: false), closeOnDispose: true);
        if (vorbis.Channels <= 0 || vorbis.SampleRate <= 0)
            throw new MediaDecodeException("Ogg stream has no valid Vorbis header");
        return ReadAll(vorbis.ReadSamples, vorbis.Channels, vorbis.SampleRate, "Ogg Vorbis");
    }

    private static AudioClip ReadAll(Func<float[], int, int, int> read, int channels, int rate, string codec)
    {
        var buffer = new float[ChunkFrames * channels];
        var all = new List<float>(rate * channels);
        int got;
        while ((got = read(buffer, 0, buffer.Length)) > 0)
            all.AddRange(buffer.AsSpan(0, got));
        if (all.Count < channels)
            throw new MediaDecodeException($"{codec} stream decoded to no audio samples");
        // A partial trailing frame can only come from a damaged stream; drop it rather than mis-mix channels.
        var whole = all.Count - all.Count % channels;
        return new AudioClip(ChannelMixer.ToMono(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(all)[..whole], channels), rate);
    }
}
