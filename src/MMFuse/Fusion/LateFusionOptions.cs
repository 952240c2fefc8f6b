namespace MMFuse.Fusion;

/// <summary>How late fusion learns its modality weights inside the training rows.</summary>
/// <param name="InnerFolds">Inner stratified k-fold that produces the out-of-fold probabilities the weights are fitted on.</param>
/// <param name="Steps">Exponentiated-gradient steps on the weight simplex (see <see cref="SimplexWeights"/>).</param>
public sealed record LateFusionOptions(int InnerFolds = 3, int Steps = 300);
