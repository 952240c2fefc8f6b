using MMFuse.Features;
using MMFuse.Features.Audio;

namespace MMFuse.Fusion.Joint;

/// <summary>Which blocks of a joint network's input the CNN audio encoder reads.</summary>
internal static class SpectrogramBlocks
{
    /// <summary>Per block: the mel bands of a <c>logmel-frames</c> block when <paramref name="encoder"/> is
    /// <see cref="AudioEncoderKind.Cnn"/>, else 0 (the dense encoder).</summary>
    /// <exception cref="ArgumentException">The CNN was asked for, but an audio block holds another extractor's vector
    /// (a summary the CNN cannot read as a spectrogram).</exception>
    public static int[] Bands(IReadOnlyList<FeatureBlock> blocks, AudioEncoderKind encoder)
    {
        var bands = new int[blocks.Count];
        if (encoder != AudioEncoderKind.Cnn)
            return bands;
        for (var m = 0; m < blocks.Count; m++)
        {
            var block = blocks[m];
            if (block.ExtractorId == LogMelFramesExtractor.Id)
                bands[m] = block.Dimension / LogMelFramesExtractor.Frames;
            else if (AudioFeatureExtractor.Names.Contains(block.ExtractorId))
                throw new ArgumentException($"JointOptions.AudioEncoder: the CNN encoder reads the spectrogram of ExtractorChoices.Audio = " +
                    $"'{LogMelFramesExtractor.Id}', but audio column '{block.Modality}' was extracted with '{block.ExtractorId}'.");
        }
        return bands;
    }
}
