using System.Buffers.Binary;
using System.Text;

namespace MMFuse.Tests.Features.Audio;

/// <summary>Committed audio fixtures, and a minimal WAV builder for shapes sox cannot be asked for.</summary>
internal static class AudioTestFiles
{
    public static byte[] Fixture(string name) => File.ReadAllBytes(TestPaths.Fixture("audio", name));

    public static string AvDigitsAudio => Path.Combine(TestPaths.SharedDatasets, "avdigits", "audio");

    /// <summary>16-bit PCM WAV from per-channel samples in [-1, 1], with optional extra chunks before "data".</summary>
    public static byte[] Pcm16Wav(int sampleRate, float[][] channels, params (string Id, byte[] Body)[] extraChunks)
    {
        var frames = channels[0].Length;
        var data = new byte[frames * channels.Length * 2];
        for (var i = 0; i < frames; i++)
        {
            for (var c = 0; c < channels.Length; c++)
            {
                var v = (short)Math.Clamp(MathF.Round(channels[c][i] * 32768f), short.MinValue, short.MaxValue);
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan((i * channels.Length + c) * 2), v);
            }
        }
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels.Length);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), sampleRate * channels.Length * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)(channels.Length * 2));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), 16);
        return Riff([("fmt ", fmt), .. extraChunks, ("data", data)]);
    }

    public static byte[] Riff(params (string Id, byte[] Body)[] chunks)
    {
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8);
        w.Write(0); // patched below
        w.Write("WAVE"u8);
        foreach (var (id, body) in chunks)
        {
            w.Write(Encoding.ASCII.GetBytes(id));
            w.Write(body.Length);
            w.Write(body);
            if (body.Length % 2 == 1)
                w.Write((byte)0);
        }
        var bytes = ms.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), bytes.Length - 8);
        return bytes;
    }

    public static float[] Sine(double hz, int rate, int count, double amplitude = 0.5) =>
        [.. Enumerable.Range(0, count).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / rate)))];

    /// <summary>Frequency from the count of rising zero crossings; good to a fraction of a percent for a clean tone.</summary>
    public static double ZeroCrossingHz(ReadOnlySpan<float> x, int rate)
    {
        int first = -1, last = -1, count = 0;
        for (var i = 1; i < x.Length; i++)
        {
            if (x[i - 1] < 0 && x[i] >= 0)
            {
                if (first < 0)
                    first = i;
                else
                    count++;
                last = i;
            }
        }
        return count * (double)rate / (last - first);
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double s = 0;
        foreach (var v in x)
            s += v * v;
        return Math.Sqrt(s / x.Length);
    }
}
