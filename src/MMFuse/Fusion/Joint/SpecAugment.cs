using TorchSharp;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// SpecAugment time and frequency masking of a batch of spectrograms <c>[rows, frames, bands]</c> (normalised per
/// clip, so a masked cell set to 0 reads as the clip's mean). Only in training mode, and only with the training's
/// generator: a network that predicts (eval mode, or loaded without a generator) passes the input through.
/// </summary>
internal sealed class SpecAugment : nn.Module<Tensor, Tensor>
{
    private readonly SpecAugmentOptions _options;
    private readonly Generator? _generator;

    public SpecAugment(SpecAugmentOptions options, Generator? generator) : base("specaugment")
    {
        _options = options;
        _generator = generator;
    }

    public override Tensor forward(Tensor input)
    {
        var (masks, frequencyMasks) = (_options.TimeMasks, _options.FrequencyMasks);
        if (!training || _generator is null || masks + frequencyMasks == 0)
            return input.alias();
        var (rows, frames, bands) = ((int)input.shape[0], (int)input.shape[1], (int)input.shape[2]);
        // Two uniform draws (width, start) per mask and row, all from the training's generator in one call.
        using var draws = rand(rows, 2 * (masks + frequencyMasks), generator: _generator);
        var u = draws.data<float>().ToArray();
        var width = 2 * (masks + frequencyMasks);
        var keepTime = Keep(u, rows, width, 0, masks, frames, _options.MaxTimeWidth);
        var keepBand = Keep(u, rows, width, 2 * masks, frequencyMasks, bands, _options.MaxFrequencyWidth);
        using var time = tensor(keepTime, rows, frames, 1);
        using var band = tensor(keepBand, rows, 1, bands);
        return input * time * band;
    }

    /// <summary>1 for kept and 0 for masked positions, per row: each mask's width is drawn from 0..maxWidth and its
    /// start so that it lies inside the axis.</summary>
    private static float[] Keep(float[] u, int rows, int stride, int offset, int masks, int length, int maxWidth)
    {
        var keep = new float[rows * length];
        Array.Fill(keep, 1f);
        for (var r = 0; r < rows; r++)
            for (var m = 0; m < masks; m++)
            {
                var w = Math.Min(length, (int)(u[r * stride + offset + 2 * m] * (maxWidth + 1)));
                var start = (int)(u[r * stride + offset + 2 * m + 1] * (length - w + 1));
                for (var i = start; i < Math.Min(length, start + w); i++)
                    keep[r * length + i] = 0f;
            }
        return keep;
    }
}
