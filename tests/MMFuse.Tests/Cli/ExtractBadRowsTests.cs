namespace MMFuse.Tests.Cli;

/// <summary>Rows dropped during extraction are listed in bad-rows.csv with their real manifest line, as validation's are.</summary>
public sealed class ExtractBadRowsTests
{
    [Fact]
    public void A_file_that_fails_to_decode_is_listed_with_its_manifest_line()
    {
        using var dir = new TempDirectory();
        File.Copy(TestPaths.SampleImage, dir.File("a.png"));
        // A PNG signature passes validation's header check; the junk after it fails the decoder.
        File.WriteAllBytes(dir.File("bad.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "not really a png"u8]);
        var manifest = dir.Write("m.csv", "image,label\na.png,x\n\na.png,y\nbad.png,x\na.png,y\n"); // bad.png: row 3, line 5
        var (code, _, error) = CliRunner.Run("extract", manifest, "--label", "label", "--on-bad-row", "skip",
            "--image-features", "pixels", "--cache", dir.File("cache"), "--json", dir.File("out/x.json"));
        Assert.True(code == 0, error);
        var report = File.ReadAllLines(dir.File("out/bad-rows.csv"));
        Assert.Equal(2, report.Length);
        Assert.StartsWith("3,5,image,skipped,", report[1]);
    }

    [Fact]
    public void Random_bytes_behind_an_mp3_frame_header_fail_naming_row_column_and_reason()
    {
        using var dir = new TempDirectory();
        File.Copy(TestPaths.SampleClip, dir.File("a.wav"));
        var noise = new byte[6000];
        new Random(14).NextBytes(noise); // a seed NLayer alone decodes into noise "audio"
        // An MPEG-2 layer III frame header (22.05 kHz mono), then noise.
        File.WriteAllBytes(dir.File("bad.mp3"), [0xFF, 0xF3, 0x70, 0xC4, .. noise]);
        var manifest = dir.Write("m.csv", "audio,label\na.wav,x\na.wav,y\nbad.mp3,x\na.wav,y\n");
        var (code, _, error) = CliRunner.Run("extract", manifest, "--label", "label", "--audio-features", "logmel-stats", "--cache", dir.File("cache"));
        Assert.Equal(2, code);
        Assert.Contains("row 3, column 'audio': ", error);
        Assert.Contains("not a valid MP3 stream", error);
    }
}
