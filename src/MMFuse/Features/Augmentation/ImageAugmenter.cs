using MMFuse.Features.Images;
using SkiaSharp;
using static MMFuse.Features.Augmentation.AugmentationRandom;

namespace MMFuse.Features.Augmentation;

/// <summary>
/// Random resized crop, horizontal flip and small rotation as one Skia draw (the transforms compose on the
/// canvas, so the image is resampled once, bilinearly), then colour jitter on the 8-bit result. The output has
/// the input's size. Corners uncovered by a rotation are filled by mirroring the image (Skia's mirror tile
/// mode) rather than with black, so no artificial edges appear for the model to learn.
/// </summary>
internal sealed class ImageAugmenter
{
    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.None);
    private readonly ImageAugmentationOptions _o;

    public ImageAugmenter(ImageAugmentationOptions options)
    {
        _o = options;
        CheckProbability(options.CropProbability, nameof(options.CropProbability));
        CheckProbability(options.FlipProbability, nameof(options.FlipProbability));
        CheckProbability(options.RotationProbability, nameof(options.RotationProbability));
        CheckProbability(options.JitterProbability, nameof(options.JitterProbability));
        CheckRange(options.MinCropScale, options.MaxCropScale, "CropScale", min: double.Epsilon);
        if (options.MaxCropScale > 1)
            throw new ArgumentOutOfRangeException(nameof(options.MaxCropScale), options.MaxCropScale, "A crop cannot be larger than the image.");
        CheckRange(options.MinCropAspect, options.MaxCropAspect, "CropAspect", min: double.Epsilon);
        CheckRange(0, options.MaxRotationDegrees, nameof(options.MaxRotationDegrees));
        CheckRange(0, options.Brightness, nameof(options.Brightness));
        CheckRange(0, options.Contrast, nameof(options.Contrast));
        CheckRange(0, options.Saturation, nameof(options.Saturation));
        if (options.Brightness > 1 || options.Contrast > 1 || options.Saturation > 1)
            throw new ArgumentOutOfRangeException(nameof(options), "Jitter strengths above 1 would give negative factors.");
    }

    public RgbImage Augment(RgbImage image, Random random)
    {
        ArgumentNullException.ThrowIfNull(image);
        var crop = Chance(random, _o.CropProbability) ? SampleCrop(image.Width, image.Height, random) : (0, 0, image.Width, image.Height);
        var flip = _o.HorizontalFlip && Chance(random, _o.FlipProbability);
        var angle = Chance(random, _o.RotationProbability) ? Uniform(random, -_o.MaxRotationDegrees, _o.MaxRotationDegrees) : 0;
        var result = Transform(image, crop, flip, (float)angle);
        if (Chance(random, _o.JitterProbability))
        {
            var brightness = Uniform(random, 1 - _o.Brightness, 1 + _o.Brightness);
            var contrast = Uniform(random, 1 - _o.Contrast, 1 + _o.Contrast);
            var saturation = Uniform(random, 1 - _o.Saturation, 1 + _o.Saturation);
            result = ColorJitter(result, (float)brightness, (float)contrast, (float)saturation);
        }
        return result;
    }

    /// <summary>
    /// torchvision's RandomResizedCrop sampling: area uniform in the scale range, aspect log-uniform, up to ten
    /// tries for a crop that fits; if none fits (extreme aspect settings on a thin image) the whole image.
    /// </summary>
    internal (int X, int Y, int Width, int Height) SampleCrop(int width, int height, Random random)
    {
        double area = (double)width * height;
        double logLow = Math.Log(_o.MinCropAspect), logHigh = Math.Log(_o.MaxCropAspect);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var target = area * Uniform(random, _o.MinCropScale, _o.MaxCropScale);
            var aspect = Math.Exp(Uniform(random, logLow, logHigh));
            var w = (int)Math.Round(Math.Sqrt(target * aspect));
            var h = (int)Math.Round(Math.Sqrt(target / aspect));
            if (w > 0 && h > 0 && w <= width && h <= height)
                return (random.Next(width - w + 1), random.Next(height - h + 1), w, h);
        }
        return (0, 0, width, height);
    }

    /// <summary>
    /// The canvas maps source to output: move the crop to the origin and stretch it to the output size, then
    /// flip and rotate about the output's centre. Drawing the whole canvas with an image shader samples each
    /// output pixel through the inverse of that matrix.
    /// </summary>
    internal static RgbImage Transform(RgbImage image, (int X, int Y, int Width, int Height) crop, bool flip, float degrees)
    {
        using var source = ImageResizer.ToBitmap(image);
        using var target = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(target))
        using (var shader = source.ToShader(SKShaderTileMode.Mirror, SKShaderTileMode.Mirror, Sampling))
        using (var paint = new SKPaint { Shader = shader, BlendMode = SKBlendMode.Src })
        {
            float cx = image.Width / 2f, cy = image.Height / 2f;
            canvas.Translate(cx, cy);
            canvas.RotateDegrees(degrees);
            if (flip)
                canvas.Scale(-1, 1);
            canvas.Translate(-cx, -cy);
            canvas.Scale((float)image.Width / crop.Width, (float)image.Height / crop.Height);
            canvas.Translate(-crop.X, -crop.Y);
            canvas.DrawPaint(paint);
        }
        return ImageResizer.FromBitmap(target);
    }

    /// <summary>
    /// torchvision's ColorJitter arithmetic in a fixed order, clamping to [0, 255] after each step:
    /// brightness scales, contrast blends with the mean grey level, saturation blends with each pixel's grey.
    /// Grey is ITU-R BT.601 luma, as in <see cref="PixelsFeaturizer"/>.
    /// </summary>
    internal static RgbImage ColorJitter(RgbImage image, float brightness, float contrast, float saturation)
    {
        var n = image.Width * image.Height;
        var v = new float[n * 3];
        for (var i = 0; i < v.Length; i++)
            v[i] = Math.Clamp(image.Pixels[i] * brightness, 0f, 255f);

        double sum = 0;
        for (var p = 0; p < n; p++)
            sum += Luma(v, p);
        var mean = (float)(sum / n);
        for (var i = 0; i < v.Length; i++)
            v[i] = Math.Clamp(mean + (v[i] - mean) * contrast, 0f, 255f);

        var pixels = new byte[v.Length];
        for (var p = 0; p < n; p++)
        {
            var grey = Luma(v, p);
            for (var c = 0; c < 3; c++)
                pixels[p * 3 + c] = (byte)MathF.Round(Math.Clamp(grey + (v[p * 3 + c] - grey) * saturation, 0f, 255f));
        }
        return new RgbImage(image.Width, image.Height, pixels);
    }

    private static float Luma(float[] v, int p) => 0.299f * v[p * 3] + 0.587f * v[p * 3 + 1] + 0.114f * v[p * 3 + 2];
}
