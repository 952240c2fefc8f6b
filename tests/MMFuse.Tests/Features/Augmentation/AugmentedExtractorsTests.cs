using System.Text;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Audio;
using MMFuse.Features.Augmentation;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.Features.Images;
using MMFuse.Tests.Features.Audio;

namespace MMFuse.Tests.Features.Augmentation;

public sealed class AugmentedExtractorsTests
{
    private static readonly AugmentationOptions Defaults = new();

    private static List<FeatureCell> WriteImages(TempDirectory dir, int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var path = dir.File($"img{i}.png");
            File.WriteAllBytes(path, AugmentationTestData.Png(AugmentationTestData.Image(40 + i % 3, 30, seed: i)));
            return new FeatureCell(i + 1, path, null);
        }).ToList();

    private static (FeatureBlock Block, ExtractionReport Report) Run(IFeatureExtractor<RgbImage> plain, IReadOnlyList<FeatureCell> cells,
        int seed, int variant, FeatureCache? cache = null, int threads = 2, AugmentationOptions? options = null) =>
        FeaturePipeline.Run(AugmentedExtractors.For(ColumnRole.Image, plain, options ?? Defaults, seed, variant), "image", cells, cache,
            new ExtractionOptions { Threads = threads, BatchSize = 2 });

    [Fact]
    public void Image_variants_are_identical_whatever_the_thread_count_row_order_or_extractor_instance()
    {
        using var dir = new TempDirectory();
        var cells = WriteImages(dir, 12);
        using var plain = new ImageFeatureExtractor(new PixelsFeaturizer());
        var (one, _) = Run(plain, cells, seed: 7, variant: 0, threads: 1);
        var (four, _) = Run(plain, cells, seed: 7, variant: 0, threads: 4);
        var reversed = cells.AsEnumerable().Reverse().ToList();
        var (backwards, _) = Run(plain, reversed, seed: 7, variant: 0, threads: 3);
        using var other = new ImageFeatureExtractor(new PixelsFeaturizer());
        var (fresh, _) = Run(other, cells, seed: 7, variant: 0);

        Assert.Equal(one.Rows, four.Rows);
        Assert.Equal(one.Rows, backwards.Rows.Reverse());
        Assert.Equal(one.Rows, fresh.Rows);
    }

    [Fact]
    public void Other_variants_seeds_and_the_plain_features_all_differ()
    {
        using var dir = new TempDirectory();
        var cells = WriteImages(dir, 6);
        using var plain = new ImageFeatureExtractor(new PixelsFeaturizer());
        var (none, _) = FeaturePipeline.Run(plain, "image", cells, null, new ExtractionOptions { Threads = 2 });
        var (v0, _) = Run(plain, cells, seed: 7, variant: 0);
        var (v1, _) = Run(plain, cells, seed: 7, variant: 1);
        var (s8, _) = Run(plain, cells, seed: 8, variant: 0);
        for (var i = 0; i < cells.Count; i++)
        {
            Assert.NotEqual(none.Rows[i], v0.Rows[i]);
            Assert.NotEqual(v0.Rows[i], v1.Rows[i]);
            Assert.NotEqual(v0.Rows[i], s8.Rows[i]);
        }
        Assert.Equal((none.ExtractorId, none.Dimension), (v0.ExtractorId, v0.Dimension));
    }

    [Fact]
    public void Variants_are_cached_under_their_own_keys_and_a_second_run_hits_the_cache()
    {
        using var dir = new TempDirectory();
        var cells = WriteImages(dir, 8);
        using var plain = new ImageFeatureExtractor(new PixelsFeaturizer());
        using var cache = new FeatureCache(dir.File("cache"));

        var (_, plainReport) = FeaturePipeline.Run(plain, "image", cells, cache, new ExtractionOptions { Threads = 2 });
        var (first, firstReport) = Run(plain, cells, seed: 7, variant: 0, cache);
        var (second, secondReport) = Run(plain, cells, seed: 7, variant: 0, cache);
        var (_, otherVariant) = Run(plain, cells, seed: 7, variant: 1, cache);
        var (_, otherOptions) = Run(plain, cells, seed: 7, variant: 0, cache,
            options: Defaults with { Image = Defaults.Image with { Brightness = 0.3 } });
        var (_, audioOptionsOnly) = Run(plain, cells, seed: 7, variant: 0, cache,
            options: Defaults with { Audio = Defaults.Audio with { MaxGainDb = 3 } });

        Assert.Equal((0, 8), (plainReport.CacheHits, plainReport.Computed));
        Assert.Equal((0, 8), (firstReport.CacheHits, firstReport.Computed));
        Assert.Equal((8, 0), (secondReport.CacheHits, secondReport.Computed));
        Assert.Equal(first.Rows, second.Rows);
        Assert.Equal((0, 8), (otherVariant.CacheHits, otherVariant.Computed));
        Assert.Equal((0, 8), (otherOptions.CacheHits, otherOptions.Computed));
        Assert.Equal((8, 0), (audioOptionsOnly.CacheHits, audioOptionsOnly.Computed)); // image variants do not depend on audio settings

        var hash = FeatureKey.HashContent(File.ReadAllBytes(cells[0].FilePath!));
        Assert.NotEqual(FeatureKey.For(hash, plain.Signature), FeatureKey.For(hash, firstReport.Extractor));
        Assert.StartsWith(plain.Signature.Version + "+aug", firstReport.Extractor.Version);
    }

    [Fact]
    public void Audio_variants_keep_the_frame_count_and_are_repeatable_across_threads()
    {
        using var dir = new TempDirectory();
        int[] rates = [16000, 22050, 8000, 16000];
        var cells = rates.Select((rate, i) =>
        {
            var path = dir.File($"clip{i}.wav");
            File.WriteAllBytes(path, AudioTestFiles.Pcm16Wav(rate, [AudioTestFiles.Sine(300 + 150 * i, rate, rate / 2 + 1000 * i)]));
            return new FeatureCell(i + 1, path, null);
        }).ToList();
        using var plain = AudioFeatureExtractor.Create("logmel-stats");
        using var augmented = AugmentedExtractors.For(ColumnRole.Audio, plain, Defaults, seed: 3, variant: 0);
        using var variant1 = AugmentedExtractors.For(ColumnRole.Audio, plain, Defaults, seed: 3, variant: 1);
        foreach (var cell in cells)
        {
            var bytes = File.ReadAllBytes(cell.FilePath!);
            var mel = augmented.Decode(bytes);
            Assert.Equal(plain.Decode(bytes).Length, mel.Length);
            Assert.All(mel, f => Assert.Equal(64, f.Length));
            Assert.NotEqual(mel.SelectMany(f => f), variant1.Decode(bytes).SelectMany(f => f));
        }

        var (one, _) = FeaturePipeline.Run(augmented, "audio", cells, null, new ExtractionOptions { Threads = 1 });
        var (three, report) = FeaturePipeline.Run(augmented, "audio", cells, null, new ExtractionOptions { Threads = 3, BatchSize = 1 });
        Assert.Equal(one.Rows, three.Rows);
        Assert.Equal(4, report.Computed);
    }

    [Fact]
    public void Text_variants_are_never_empty_and_depend_only_on_the_text_seed_and_variant()
    {
        using var plain = new WordCountExtractor();
        var texts = Enumerable.Range(0, 30).Select(i => $"row {i} has some words in it to drop and to swap around").ToList();
        var v0 = AugmentedExtractors.For(ColumnRole.Text, plain, Defaults, seed: 1, variant: 0);
        var v1 = AugmentedExtractors.For(ColumnRole.Text, plain, Defaults, seed: 1, variant: 1);
        var first = texts.Select(t => v0.Decode(Encoding.UTF8.GetBytes(t))).ToList();
        var parallel = texts.AsParallel().AsOrdered().Select(t => v0.Decode(Encoding.UTF8.GetBytes(t))).ToList();
        Assert.Equal(first, parallel);
        Assert.All(first, t => Assert.False(string.IsNullOrWhiteSpace(t)));
        Assert.Contains(texts, t => v0.Decode(Encoding.UTF8.GetBytes(t)) != v1.Decode(Encoding.UTF8.GetBytes(t)));
        Assert.Throws<MediaDecodeException>(() => v0.Decode(" "u8.ToArray())); // the wrapped extractor's checks still apply
    }

    [Fact]
    public void The_per_variant_generator_is_pinned_so_cached_variants_stay_valid()
    {
        // Changing this derivation changes every variant under the same cache key: bump AlgorithmVersion too.
        var hash = FeatureKey.HashText("abc");
        Assert.Equal(660529741, AugmentationRandom.For(hash, seed: 42, variant: 3).Next());
        Assert.NotEqual(AugmentationRandom.For(hash, 42, 3).Next(), AugmentationRandom.For(hash, 42, 4).Next());
        Assert.NotEqual(AugmentationRandom.For(hash, 42, 3).Next(), AugmentationRandom.For(hash, 43, 3).Next());
    }

    [Fact]
    public void A_role_that_does_not_fit_the_extractor_is_refused()
    {
        using var text = new WordCountExtractor();
        Assert.Throws<ArgumentException>(() => AugmentedExtractors.For(ColumnRole.Image, text, Defaults, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AugmentedExtractors.For(ColumnRole.Text, text, Defaults, 1, -1));
    }

    /// <summary>A stand-in text model: decoding refuses blank text like the real one; the vector is the word count.</summary>
    private sealed class WordCountExtractor : IFeatureExtractor<string>
    {
        public ExtractorSignature Signature { get; } = new("word-count", "1", "", 1);

        public string Decode(byte[] content)
        {
            var text = Encoding.UTF8.GetString(content);
            return string.IsNullOrWhiteSpace(text) ? throw new MediaDecodeException("the text is empty") : text;
        }

        public float[][] Encode(IReadOnlyList<string> inputs) => [.. inputs.Select(t => new float[] { t.Split(' ').Length })];

        public void Dispose()
        {
        }
    }
}
