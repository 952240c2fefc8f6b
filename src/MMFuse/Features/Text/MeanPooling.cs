namespace MMFuse.Features.Text;

/// <summary>Sentence-transformers pooling: the mean of the token embeddings over real (unpadded) tokens.</summary>
internal static class MeanPooling
{
    /// <param name="hidden">Last hidden state, row-major [batch, length, dimension].</param>
    /// <param name="row">Which batch row to pool.</param>
    /// <param name="length">Positions per batch row (the padded length).</param>
    /// <param name="dimension">Values per token embedding.</param>
    /// <param name="tokens">How many leading positions of that row are real tokens (the rest is padding).</param>
    public static float[] Pool(ReadOnlySpan<float> hidden, int row, int length, int dimension, int tokens)
    {
        // Accumulate in double: 256 float additions per component would otherwise make a padded batch
        // and a lone sentence differ by more than rounding of the model itself.
        var sum = new double[dimension];
        var start = row * length * dimension;
        for (var t = 0; t < tokens; t++)
        {
            var token = hidden.Slice(start + t * dimension, dimension);
            for (var d = 0; d < dimension; d++)
                sum[d] += token[d];
        }
        var mean = new float[dimension];
        for (var d = 0; d < dimension; d++)
            mean[d] = (float)(sum[d] / tokens);
        return mean;
    }
}
