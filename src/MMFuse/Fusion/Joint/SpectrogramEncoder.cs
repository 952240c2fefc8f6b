using TorchSharp;
using MMFuse.Learners.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MMFuse.Fusion.Joint;

/// <summary>
/// The CNN audio encoder of a joint network (<see cref="AudioEncoderKind.Cnn"/>). Input: a <c>logmel-frames</c> row,
/// <c>[rows, frames × bands]</c> frame-major. Each clip is normalised to mean 0 and variance 1 over its whole grid
/// (gain and recording level drop out, the spectral shape stays), masked by <see cref="SpecAugment"/> in training,
/// then three 3×3 convolutions (8, 16, 32 channels, batch normalisation, ReLU, 2×2 max-pooling after the first two) and an average over
/// four stretches of time × four ranges of frequency: the time stretches keep the order of sounds, which tells spoken
/// words apart, and the frequency ranges where the formants lie. The 4 × 4 × 32 values go through the same linear → activation → dropout as every other block's encoder.
/// Small on purpose: about 7,000 convolution weights, cheap to train on a CPU.
/// </summary>
internal sealed class SpectrogramEncoder : nn.Module<Tensor, Tensor>
{
    /// <summary>Time stretches kept after the convolutions.</summary>
    public const int TimeSteps = 4;

    /// <summary>Frequency ranges kept after the convolutions: where in the spectrum a pattern lies (a formant) matters.</summary>
    public const int FrequencySteps = 4;

    private const int Channels = 32;
    private readonly long _frames;
    private readonly long _bands;
    private readonly SpecAugment specaugment;
    private readonly Sequential convolutions;
    private readonly AdaptiveAvgPool2d pool;
    private readonly nn.Module<Tensor, Tensor> projection;

    public SpectrogramEncoder(int bands, int dimension, int hidden, string activation, double dropout, SpecAugmentOptions masks,
        Generator? generator) : base("spectrogram")
    {
        if (bands < 1 || dimension % bands != 0)
            throw new ArgumentException($"A spectrogram block of {dimension} values cannot be cut into frames of {bands} bands.");
        (_bands, _frames) = (bands, dimension / bands);
        specaugment = new SpecAugment(masks, generator);
        // Batch normalisation after each convolution: without it, the few hundred mini-batches of a small table
        // barely move the network away from predicting the class prior.
        convolutions = nn.Sequential(
            ("conv1", nn.Conv2d(1, 8, 3, padding: 1)), ("norm1", nn.BatchNorm2d(8)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2)),
            ("conv2", nn.Conv2d(8, 16, 3, padding: 1)), ("norm2", nn.BatchNorm2d(16)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2)),
            ("conv3", nn.Conv2d(16, Channels, 3, padding: 1)), ("norm3", nn.BatchNorm2d(Channels)), ("relu3", nn.ReLU()));
        pool = nn.AdaptiveAvgPool2d([TimeSteps, FrequencySteps]);
        projection = JointLayers.Encoder(TimeSteps * FrequencySteps * Channels, hidden, activation, dropout, generator);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var grid = input.reshape(input.shape[0], _frames, _bands);
        var normalised = nn.functional.layer_norm(grid, [_frames, _bands]);
        var masked = specaugment.forward(normalised);
        var features = masked.unsqueeze(1);
        // Layer by layer rather than convolutions.forward: batch normalisation goes through HeldBatchNorm (why: there).
        foreach (var layer in convolutions.children())
            features = layer is BatchNorm norm ? HeldBatchNorm.Forward(norm, features) : ((nn.Module<Tensor, Tensor>)layer).forward(features);
        return projection.forward(pool.forward(features).flatten(1));
    }
}
