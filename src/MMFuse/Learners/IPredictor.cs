namespace MMFuse.Learners;

/// <summary>A trained model. For classification each output row holds one probability per class (summing to 1);
/// for regression each output row holds the single predicted value.</summary>
public interface IPredictor
{
    /// <summary>Identifies the payload format so a saved predictor can be loaded back.</summary>
    string Kind { get; }

    /// <summary>One output row per feature row: class probabilities (summing to 1), or one value for
    /// regression.</summary>
    float[][] Predict(float[][] features);

    /// <summary>Writes the payload (ML.NET model zip, TorchSharp weights, ...) for the one-file model.</summary>
    void Save(Stream stream);
}
