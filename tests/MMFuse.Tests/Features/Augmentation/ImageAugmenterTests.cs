using MMFuse.Features;
using MMFuse.Features.Augmentation;
using MMFuse.Features.Images;
using static MMFuse.Tests.Features.Augmentation.AugmentationTestData;

namespace MMFuse.Tests.Features.Augmentation;

public sealed class ImageAugmenterTests
{
    private static readonly ImageAugmentationOptions Off = new()
    {
        CropProbability = 0, FlipProbability = 0, RotationProbability = 0, JitterProbability = 0,
    };

    [Fact]
    public void With_every_step_off_the_image_comes_back_unchanged()
    {
        var image = Image(40, 30);
        var result = new ImageAugmenter(Off).Augment(image, new Random(1));
        Assert.Equal((image.Width, image.Height), (result.Width, result.Height));
        Assert.Equal(image.Pixels, result.Pixels);
    }

    [Fact]
    public void A_flip_is_an_exact_mirror_and_is_never_done_when_flipping_is_disabled()
    {
        var image = Image(40, 30);
        var flipped = new ImageAugmenter(Off with { FlipProbability = 1 }).Augment(image, new Random(1));
        Assert.Equal(Mirror(image).Pixels, flipped.Pixels);

        var noFlip = new ImageAugmenter(Off with { FlipProbability = 1, HorizontalFlip = false });
        for (var seed = 0; seed < 20; seed++)
            Assert.Equal(image.Pixels, noFlip.Augment(image, new Random(seed)).Pixels);
    }

    [Fact]
    public void Rotation_turns_clockwise_about_the_centre()
    {
        // A quarter turn is a pixel permutation: out(x, y) = in(y, N-1-x). (Augment draws only ±10°; the
        // geometry itself is the same.)
        var image = Image(24, 24);
        var turned = ImageAugmenter.Transform(image, (0, 0, 24, 24), flip: false, degrees: 90);
        var expected = new byte[image.Pixels.Length];
        for (var y = 0; y < 24; y++)
            for (var x = 0; x < 24; x++)
                for (var c = 0; c < 3; c++)
                    expected[(y * 24 + x) * 3 + c] = image[y, 23 - x, c];
        Assert.True(MaxDifference(turned, new RgbImage(24, 24, expected)) <= 1);
    }

    [Fact]
    public void A_crop_is_the_cut_region_stretched_back_to_full_size()
    {
        var image = Image(40, 30);
        var cropped = ImageAugmenter.Transform(image, (10, 6, 20, 15), flip: false, degrees: 0);
        var reference = ImageResizer.Resize(ImageResizer.Crop(image, 10, 6, 20, 15), 40, 30);
        Assert.Equal((40, 30), (cropped.Width, cropped.Height));
        // Away from the border (where our draw may look at the pixels just outside the crop and the resizer clamps)
        // both are the same bilinear upscale.
        for (var y = 2; y < 28; y++)
            for (var x = 2; x < 38; x++)
                for (var c = 0; c < 3; c++)
                    Assert.InRange(cropped[x, y, c] - reference[x, y, c], -2, 2);
    }

    [Fact]
    public void Jitter_factors_have_their_known_effects()
    {
        var image = new RgbImage(2, 1, [100, 200, 50, 10, 20, 30]);
        Assert.Equal([150, 255, 75, 15, 30, 45], ImageAugmenter.ColorJitter(image, 1.5f, 1, 1).Pixels);

        // Contrast 0: every channel becomes the mean grey level.
        var grey = (0.299 * 100 + 0.587 * 200 + 0.114 * 50 + 0.299 * 10 + 0.587 * 20 + 0.114 * 30) / 2;
        Assert.All(ImageAugmenter.ColorJitter(image, 1, 0, 1).Pixels, v => Assert.Equal((byte)Math.Round(grey), v));

        // Saturation 0: each pixel becomes its own grey.
        var desaturated = ImageAugmenter.ColorJitter(image, 1, 1, 0).Pixels;
        Assert.Equal([153, 153, 153, 18, 18, 18], desaturated);
    }

    [Fact]
    public void Crops_stay_inside_the_image_within_the_scale_and_aspect_ranges()
    {
        var augmenter = new ImageAugmenter(new ImageAugmentationOptions());
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var (x, y, w, h) = augmenter.SampleCrop(64, 48, random);
            Assert.True(x >= 0 && y >= 0 && x + w <= 64 && y + h <= 48);
            Assert.InRange((double)w * h / (64 * 48), 0.66, 1.0); // rounding of w and h adds a little
            Assert.InRange((double)w / h, 0.72, 1.39);
        }
    }

    [Fact]
    public void Default_augmentation_keeps_the_size_is_repeatable_and_varies_with_the_generator()
    {
        var image = Image(40, 30);
        var augmenter = new ImageAugmenter(new ImageAugmentationOptions());
        var a = augmenter.Augment(image, new Random(5));
        var again = augmenter.Augment(image, new Random(5));
        Assert.Equal((40, 30, 40 * 30 * 3), (a.Width, a.Height, a.Pixels.Length));
        Assert.Equal(a.Pixels, again.Pixels);
        var others = Enumerable.Range(6, 5).Select(s => augmenter.Augment(image, new Random(s))).ToList();
        Assert.All(others, o => Assert.NotEqual(a.Pixels, o.Pixels));
        // Still a picture of the same thing: mean level within the jitter's reach of the original's.
        Assert.All(others, o => Assert.InRange(o.Pixels.Average(v => v) / image.Pixels.Average(v => v), 0.6, 1.4));
    }

    [Fact]
    public void Out_of_range_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmenter(new() { FlipProbability = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmenter(new() { MinCropScale = 0.9, MaxCropScale = 0.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmenter(new() { MaxCropScale = 1.2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmenter(new() { Brightness = 2 }));
    }
}
