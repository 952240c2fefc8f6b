namespace MMFuse.Features.Extraction;

/// <summary>
/// The extractor per modality, by the id the feature cache and the model file know it by. Image: <c>auto</c> (pixels
/// for images of 32 px or less, else resnet18), <c>resnet18</c>, <c>pixels</c>, <c>color-hist</c>; text:
/// <c>default</c> (MiniLM, and a tf-idf block beside it for a column of long texts, see <see cref="Text.TextLengths"/>),
/// <c>minilm</c>, <c>tfidf</c> (fitted per fold), <c>minilm+tfidf</c> (both blocks) or <c>auto</c> (both extracted,
/// one of the three chosen per column by inner cross-validation on the training part, see
/// <see cref="Evaluation.TextFeatureChoice"/>); audio: <c>logmel-grid</c>, <c>logmel-stats</c>, <c>resnet18-spectrogram</c>.
/// </summary>
public sealed record ExtractorChoices(string Image = "auto", string Text = ExtractorChoices.DefaultText, string Audio = Audio.LogMelGridExtractor.Id)
{
    /// <summary>The text choice that reads every column with MiniLM and adds tf-idf beside it for columns of long texts.</summary>
    public const string DefaultText = "default";

    /// <summary>The text choice decided per column by inner cross-validation on each fold's training part.</summary>
    public const string AutoText = "auto";

    /// <summary>Every text choice a user can give.</summary>
    public static IReadOnlyList<string> TextChoices { get; } = [DefaultText, "minilm", "tfidf", FeaturePlan.BothTextFeatures, AutoText];

    /// <summary>The image choice resolved; <c>auto</c> is decided by looking at the table's images.</summary>
    public bool ImageIsAuto => Image == "auto";

    /// <summary>Per text column, a choice that replaces <see cref="Text"/> for that column (<c>minilm</c>, <c>tfidf</c>,
    /// <c>minilm+tfidf</c> or <c>auto</c>): how the default resolves long columns, and what <c>auto</c> chose when a
    /// model was trained. Null: <see cref="Text"/> for every column.</summary>
    public IReadOnlyDictionary<string, string>? TextByColumn { get; init; }

    /// <summary>The text choice for <paramref name="column"/>.</summary>
    public string TextFor(string column) => TextByColumn?.GetValueOrDefault(column) ?? Text;

    /// <summary>True when <paramref name="column"/> gets both a MiniLM and a tf-idf block (<c>minilm+tfidf</c>, or <c>auto</c> before its choice).</summary>
    public bool BothFor(string column) => TextFor(column) is FeaturePlan.BothTextFeatures or AutoText;
}
