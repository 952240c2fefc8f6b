namespace MMFuse.Features.Audio;

/// <summary>Averages interleaved multi-channel samples down to one channel.</summary>
internal static class ChannelMixer
{
    public static float[] ToMono(ReadOnlySpan<float> interleaved, int channels)
    {
        if (channels <= 0)
            throw new MediaDecodeException($"invalid channel count {channels}");
        if (channels == 1)
            return interleaved.ToArray();
        var frames = interleaved.Length / channels;
        var mono = new float[frames];
        for (var i = 0; i < frames; i++)
        {
            // Sum in double so that many loud channels cannot lose precision before the division.
            double sum = 0;
            var frame = interleaved.Slice(i * channels, channels);
            foreach (var s in frame)
                sum += s;
            mono[i] = (float)(sum / channels);
        }
        return mono;
    }
}
