using System.Security.Cryptography;

namespace MMFuse.Bundle;

/// <summary>A write-only pass-through that counts the bytes and hashes them (SHA-256) on their way to the inner
/// stream, so a payload is hashed while it is written into the zip instead of being buffered first. Disposing it
/// leaves the inner stream open: payload writers often wrap their stream in a writer that closes it.</summary>
internal sealed class DigestStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash;
    private long _count;

    private DigestStream(Stream inner, IncrementalHash hash)
    {
        _inner = inner;
        _hash = hash;
    }

    /// <summary>Runs <paramref name="write"/> against <paramref name="target"/> and returns the length and lower-case
    /// hex SHA-256 of what it wrote.</summary>
    public static (long Bytes, string Sha256) Copy(Stream target, Action<Stream> write)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var digest = new DigestStream(target, hash);
        write(digest);
        return (digest._count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _inner.Write(buffer);
        _count += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => _inner.Flush();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _count; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
