using MMFuse.Data;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.Features.Images;

namespace MMFuse.Tests.Features.Extraction;

public sealed class FeaturePipelineTests
{
    private static readonly ExtractionOptions Options = new() { Threads = 2, BatchSize = 3 };

    private static List<FeatureCell> CopyImages(TempDirectory dir, string folder, int count)
    {
        Directory.CreateDirectory(dir.File(folder));
        return Directory.GetFiles(TestPaths.Samples("avdigits", "images"), "*.png").Order(StringComparer.Ordinal).Take(count)
            .Select((source, i) =>
            {
                var target = dir.File(Path.Combine(folder, $"img{i}.png"));
                File.Copy(source, target);
                return new FeatureCell(i + 1, target, null);
            }).ToList();
    }

    [Fact]
    public void Second_run_hits_the_cache_even_after_the_files_are_renamed_and_gives_the_same_vectors()
    {
        using var dir = new TempDirectory();
        var cells = CopyImages(dir, "a", 10);
        using var extractor = new ImageFeatureExtractor(new PixelsFeaturizer());
        using var cache = new FeatureCache(dir.File("cache"));
        var (first, firstReport) = FeaturePipeline.Run(extractor, "image", cells, cache, Options);
        Assert.Equal((0, 10), (firstReport.CacheHits, firstReport.Computed));

        Directory.Move(dir.File("a"), dir.File("renamed"));
        var moved = cells.Select(c => c with { FilePath = c.FilePath!.Replace("/a/", "/renamed/") }).ToList();
        var (second, secondReport) = FeaturePipeline.Run(extractor, "image", moved, cache, Options);
        Assert.Equal((10, 0), (secondReport.CacheHits, secondReport.Computed));
        Assert.Equal(first.Rows, second.Rows);
    }

    [Fact]
    public void Many_chunks_each_row_is_computed_once_and_kept_in_order()
    {
        using var dir = new TempDirectory();
        var cells = CopyImages(dir, "a", 23);
        using var extractor = new ImageFeatureExtractor(new PixelsFeaturizer());
        // Batch 1 means chunks of 4: six chunks, each prepared while the previous one is encoded.
        var (block, report) = FeaturePipeline.Run(extractor, "image", cells, null, Options with { BatchSize = 1 });
        var (oneByOne, _) = FeaturePipeline.Run(extractor, "image", cells, null, Options with { BatchSize = 64 });
        Assert.Equal(23, report.Computed);
        Assert.All(block.Present, Assert.True);
        Assert.Equal(oneByOne.Rows, block.Rows);
        Assert.Equal(extractor.Encode([ImageDecoder.Decode(File.ReadAllBytes(cells[22].FilePath!))])[0], block.Rows[22]);
    }

    [Fact]
    public void A_changed_file_misses_the_cache()
    {
        using var dir = new TempDirectory();
        var cells = CopyImages(dir, "a", 3);
        using var extractor = new ImageFeatureExtractor(new PixelsFeaturizer());
        using var cache = new FeatureCache(dir.File("cache"));
        FeaturePipeline.Run(extractor, "image", cells, cache, Options);
        File.Copy(Directory.GetFiles(TestPaths.Samples("avdigits", "images"), "*.png").Order(StringComparer.Ordinal).Last(), cells[1].FilePath!, overwrite: true);
        var (_, report) = FeaturePipeline.Run(extractor, "image", cells, cache, Options);
        Assert.Equal((2, 1), (report.CacheHits, report.Computed));
    }

    [Fact]
    public void Empty_cells_are_absent_rows_not_dropped_ones()
    {
        using var dir = new TempDirectory();
        var cells = CopyImages(dir, "a", 2);
        cells.Insert(1, new FeatureCell(99, null, null));
        using var extractor = new ImageFeatureExtractor(new PixelsFeaturizer());
        var (block, report) = FeaturePipeline.Run(extractor, "image", cells, null, Options);
        Assert.Equal(3, block.Count);
        Assert.Equal([true, false, true], block.Present);
        Assert.Equal(2, report.Present);
    }

    [Fact]
    public void A_corrupt_file_fails_naming_row_column_and_file_or_is_marked_absent_under_missing()
    {
        using var dir = new TempDirectory();
        var cells = CopyImages(dir, "a", 4);
        var bytes = File.ReadAllBytes(cells[2].FilePath!);
        File.WriteAllBytes(cells[2].FilePath!, bytes[..(bytes.Length / 3)]); // truncated PNG
        using var extractor = new ImageFeatureExtractor(new PixelsFeaturizer());

        var error = Assert.Throws<MMFuseInputException>(() => FeaturePipeline.Run(extractor, "image", cells, null, Options));
        Assert.Contains($"row 3, column 'image': {cells[2].FilePath}", error.Message);

        var (block, report) = FeaturePipeline.Run(extractor, "image", cells, null, Options with { Policy = BadRowPolicy.Missing });
        Assert.Equal([true, true, false, true], block.Present);
        Assert.Equal(3, Assert.Single(report.Failures).Row);
    }
}
