using MMFuse.Data;

namespace MMFuse.Tests.Data;

public sealed class FileSignatureTests
{
    [Fact]
    public void Real_dataset_files_are_recognised_by_their_bytes()
    {
        var png = File.ReadAllBytes(TestPaths.SampleImage);
        var wav = File.ReadAllBytes(TestPaths.SampleClip);
        Assert.Equal("png", FileSignature.DetectImage(png));
        Assert.Null(FileSignature.DetectAudio(png));
        Assert.Equal("wav", FileSignature.DetectAudio(wav));
        Assert.Null(FileSignature.DetectImage(wav));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "jpeg")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "gif")]
    [InlineData(new byte[] { (byte)'B', (byte)'M', 0, 0 }, "bmp")]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'E', (byte)'B', (byte)'P' }, "webp")]
    [InlineData(new byte[] { 0xC2, 0x89, (byte)'P', (byte)'N', (byte)'G' }, null)] // a UTF-8 mangled PNG header
    public void Image_headers(byte[] header, string? expected) => Assert.Equal(expected, FileSignature.DetectImage(header));

    [Theory]
    [InlineData("OggS", "ogg")]
    [InlineData("fLaC", "flac")]
    [InlineData("ID3\u0004", "mp3")]
    [InlineData("text", null)]
    public void Audio_headers(string header, string? expected) =>
        Assert.Equal(expected, FileSignature.DetectAudio(header.Select(c => (byte)c).ToArray()));

    [Theory]
    [InlineData("a/b.PNG", true)]
    [InlineData("photo.jpeg", true)]
    [InlineData("dir.png/file", false)]
    [InlineData("noext", false)]
    public void Image_extensions(string value, bool expected) => Assert.Equal(expected, FileSignature.HasImageExtension(value));
}
