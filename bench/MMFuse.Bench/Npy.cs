using System.Text;

namespace MMFuse.Bench;

/// <summary>
/// Writes NumPy .npy files (format 1.0, little-endian, C order) for the Python peers. Debian 12 has no pyarrow, so
/// the Python side cannot read the Parquet export; the bench reads it and hands the same numbers over as .npy.
/// </summary>
internal static class Npy
{
    public static void Write(string path, float[][] rows)
    {
        var width = rows.Length == 0 ? 0 : rows[0].Length;
        if (rows.Any(r => r.Length != width))
            throw new ArgumentException("rows of different lengths cannot form a matrix");
        using var writer = Open(path, "<f4", $"({rows.Length}, {width})");
        foreach (var row in rows)
            foreach (var value in row)
                writer.Write(value);
    }

    public static void Write(string path, long[] values)
    {
        using var writer = Open(path, "<i8", $"({values.Length},)");
        foreach (var value in values)
            writer.Write(value);
    }

    private static BinaryWriter Open(string path, string dtype, string shape)
    {
        var header = $"{{'descr': '{dtype}', 'fortran_order': False, 'shape': {shape}, }}";
        // Magic (6) + version (2) + header length (2) + header + newline, padded with spaces to a multiple of 64.
        var total = (10 + header.Length + 1 + 63) / 64 * 64;
        header = header.PadRight(total - 10 - 1) + "\n";
        var writer = new BinaryWriter(File.Create(path));
        writer.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        writer.Write((ushort)header.Length);
        writer.Write(Encoding.ASCII.GetBytes(header));
        return writer;
    }
}
