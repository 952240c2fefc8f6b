namespace MMFuse.Features.Extraction;

/// <summary>
/// The extractor per modality, by the id the feature cache and the model file know it by. Image: <c>auto</c> (pixels
/// for images of 32 px or less, else resnet18), <c>resnet18</c>, <c>pixels</c>, <c>color-hist</c>; text: <c>minilm</c>
/// or <c>tfidf</c> (fitted per fold); audio: <c>logmel-grid</c>, <c>logmel-stats</c>, <c>resnet18-spectrogram</c>.
/// </summary>
public sealed record ExtractorChoices(string Image = "auto", string Text = "minilm", string Audio = Audio.LogMelGridExtractor.Id)
{
    /// <summary>The image choice resolved; <c>auto</c> is decided by looking at the table's images.</summary>
    public bool ImageIsAuto => Image == "auto";
}
