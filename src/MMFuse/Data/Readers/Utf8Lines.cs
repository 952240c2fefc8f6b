using System.Buffers;
using System.Text.Unicode;

namespace MMFuse.Data.Readers;

/// <summary>
/// Names the line of a manifest's first byte that is not UTF-8. A <see cref="StreamReader"/> decodes a whole
/// 64 KiB buffer ahead of the parser, so when its decoder throws, the parser is still at the buffer's first line;
/// the file is scanned again from the start to find the real line. Line breaks count as the readers count them:
/// LF, CR LF and a lone CR each end a line.
/// </summary>
internal static class Utf8Lines
{
    /// <summary>The error to throw; <paramref name="parserLine"/> is used only when the stream cannot be re-read.</summary>
    public static MMFuseInputException NotUtf8(StreamReader reader, long parserLine) =>
        new($"line {FirstInvalidLine(reader.BaseStream) ?? parserLine}: the manifest is not valid UTF-8 text (save it as UTF-8)");

    /// <summary>The 1-based line holding the first invalid byte, or null when the stream cannot seek or is valid.</summary>
    public static long? FirstInvalidLine(Stream stream)
    {
        if (!stream.CanSeek)
            return null;
        stream.Position = 0;
        var bytes = new byte[1 << 16];
        var chars = new char[bytes.Length];
        long line = 1;
        var afterCr = false;
        var carried = 0;
        while (true)
        {
            var read = stream.Read(bytes, carried, bytes.Length - carried);
            var length = carried + read;
            var status = Utf8.ToUtf16(bytes.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
            foreach (var b in bytes.AsSpan(0, consumed))
            {
                if (b == '\r' || (b == '\n' && !afterCr))
                    line++;
                afterCr = b == '\r';
            }
            if (status == OperationStatus.InvalidData)
                return line;
            if (read == 0)
                return null;
            // A sequence cut by the buffer's end is kept for the next read.
            carried = length - consumed;
            bytes.AsSpan(consumed, carried).CopyTo(bytes);
        }
    }
}
