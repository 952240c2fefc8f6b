using System.Text.Json.Serialization;
using MMFuse.Learners.Torch;

namespace MMFuse.Fusion.Joint;

/// <summary>Options of the joint fusion networks.</summary>
/// <param name="HiddenSize">Width of each modality encoder's output, of the head's hidden layer, of the gated unit
/// and of the low-rank fusion output.</param>
/// <param name="FusionSize">Tensor fusion only: each modality's hidden vector is projected to this many dims before
/// the outer product, so the fused size is (FusionSize + 1)^modalities (729 for 3 modalities at 8).</param>
/// <param name="Rank">Low-rank fusion only: the number of rank-one factors summed.</param>
/// <param name="Dropout">Dropout after the encoder and head activations and inside the attention layer; 0 turns it off.</param>
/// <param name="ModalityDropout">Training only: chance that each present modality of a row is replaced by its
/// learned absent embedding (never all of a row's modalities), so the network copes with missing blocks.</param>
/// <param name="AttentionHeads">Attention only: heads of the transformer-encoder layer; must divide <see cref="HiddenSize"/>.</param>
/// <param name="Activation">relu, gelu or tanh, after each encoder's and the head's linear layer.</param>
/// <param name="ValidationFraction">Share of the training rows held back for early stopping (0 = none).</param>
/// <param name="Training">Optimiser, schedule, epochs and threads; the seed comes from the training set.</param>
/// <param name="AudioEncoder">How an audio block is encoded: the dense encoder over its vector, or a CNN over the
/// spectrogram of a <c>logmel-frames</c> block.</param>
/// <param name="SpecAugment">CNN audio encoder only: the training-time masks; null for the defaults.</param>
/// <param name="MultiLabelHead">Multi-label tasks only: one network with a sigmoid output per label (shared) or one
/// two-class network per label (binary relevance).</param>
public sealed record JointOptions(
    int HiddenSize = 64,
    int FusionSize = 8,
    int Rank = 4,
    double Dropout = 0.1,
    double ModalityDropout = 0.2,
    int AttentionHeads = 4,
    string Activation = "relu",
    double ValidationFraction = 0.1,
    TrainingOptions? Training = null,
    AudioEncoderKind AudioEncoder = AudioEncoderKind.Stats,
    SpecAugmentOptions? SpecAugment = null,
    MultiLabelHead MultiLabelHead = MultiLabelHead.Shared)
{
    /// <summary><see cref="SpecAugment"/>, or the default masks when it is null.</summary>
    [JsonIgnore]
    public SpecAugmentOptions ResolvedSpecAugment => SpecAugment ?? new SpecAugmentOptions();

    /// <summary><see cref="Training"/>, or the default training options when it is null.</summary>
    [JsonIgnore]
    public TrainingOptions ResolvedTraining => Training ?? new TrainingOptions();

    /// <summary>Throws a clear <see cref="ArgumentException"/> for an option out of range; call before training.</summary>
    public void Validate()
    {
        if (HiddenSize < 1 || FusionSize < 1 || Rank < 1)
            throw new ArgumentException($"Hidden size, fusion size and rank must be positive (got {HiddenSize}, {FusionSize}, {Rank}).");
        if (Dropout is < 0 or >= 1 || double.IsNaN(Dropout))
            throw new ArgumentException($"Dropout must be in [0, 1) (got {Dropout}).");
        if (ModalityDropout is < 0 or >= 1 || double.IsNaN(ModalityDropout))
            throw new ArgumentException($"Modality dropout must be in [0, 1) (got {ModalityDropout}).");
        if (AttentionHeads < 1 || HiddenSize % AttentionHeads != 0)
            throw new ArgumentException($"Attention heads ({AttentionHeads}) must be positive and divide the hidden size ({HiddenSize}).");
        if (ValidationFraction is < 0 or >= 1 || double.IsNaN(ValidationFraction))
            throw new ArgumentException($"The validation fraction must be in [0, 1) (got {ValidationFraction}).");
        if (!Enum.IsDefined(AudioEncoder))
            throw new ArgumentException($"Unknown audio encoder {(int)AudioEncoder}.");
        if (!Enum.IsDefined(MultiLabelHead))
            throw new ArgumentException($"Unknown multi-label head {(int)MultiLabelHead}.");
        ResolvedSpecAugment.Validate();
        MlpArchitecture.NormaliseActivation(Activation);
        OptimizerFactory.Validate(ResolvedTraining);
    }
}
